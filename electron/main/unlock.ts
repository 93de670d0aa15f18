// The passphrase window: shown before the main window when the data folder's key comes from a
// passphrase. The page (renderer/public/unlock.html) talks over its own channel only; each
// submitted passphrase is turned into the key and tried by `open` — a wrong one is answered with
// the Chinese reason and the window stays. Closing the window without unlocking quits the app.
import path from 'node:path';
import { BrowserWindow, ipcMain } from 'electron';
import { UNLOCK_CHANNEL } from '../../shared/api/ipcChannel';
import { APP_ORIGIN } from './appUrl';
import { isTrustedSender } from './envelope';
import { keyStorageOf, MIN_PASSPHRASE_LENGTH } from '../services/db/dbKey';

export interface UnlockOptions {
  dataDir: string;
  /** dist/electron/unlock.cjs */
  preloadPath: string;
  /** Tries a passphrase; returns a Chinese reason when it does not open the database. */
  open(passphrase: string): string | null;
}

/**
 * Resolves, once a passphrase opened the database, with a function that closes the (then hidden)
 * window — called after the main window exists, so that 'window-all-closed' does not quit —
 * or with null when the user closed the window.
 */
export function askPassphrase(opts: UnlockOptions): Promise<(() => void) | null> {
  const isNew = keyStorageOf(opts.dataDir) === 'new';
  return new Promise((resolve) => {
    let done = false;
    const window = new BrowserWindow({
      title: '稽核工作站',
      width: 460,
      height: isNew ? 400 : 300,
      resizable: false,
      show: false,
      webPreferences: {
        preload: path.resolve(opts.preloadPath),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        webSecurity: true,
        devTools: false,
        spellcheck: false,
      },
    });
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      ipcMain.removeHandler(UNLOCK_CHANNEL);
      resolve(ok ? () => window.close() : null);
    };
    ipcMain.handle(UNLOCK_CHANNEL, (event, raw: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender({ frameUrl: frame?.url, isTopFrame: frame?.parent === null })) return { ok: false, message: '请求来自未授权的页面，已拒绝。' };
      const msg = (raw ?? {}) as { kind?: unknown; passphrase?: unknown };
      if (msg.kind === 'status') return { isNew, minLength: MIN_PASSPHRASE_LENGTH };
      if (msg.kind !== 'submit' || typeof msg.passphrase !== 'string' || msg.passphrase.length > 1024) return { ok: false, message: '请求格式不正确' };
      const reason = opts.open(msg.passphrase);
      if (reason) return { ok: false, message: reason };
      window.hide();
      finish(true);
      return { ok: true };
    });
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => finish(false));
    void window.loadURL(`${APP_ORIGIN}/unlock.html`);
  });
}
