// The preload of the passphrase window (electron/main/unlock.ts): the page gets window.unlock
// with two calls over its own channel, and nothing else; the main window's preload is separate.
import { contextBridge, ipcRenderer } from 'electron';
import { UNLOCK_CHANNEL } from '../../shared/api/ipcChannel';

contextBridge.exposeInMainWorld('unlock', {
  status: (): Promise<{ isNew: boolean; minLength: number }> => ipcRenderer.invoke(UNLOCK_CHANNEL, { kind: 'status' }),
  submit: (passphrase: string): Promise<{ ok: true } | { ok: false; message: string }> => ipcRenderer.invoke(UNLOCK_CHANNEL, { kind: 'submit', passphrase }),
});
