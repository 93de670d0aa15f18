// The preload gives the page exactly one thing, window.api, typed by THE contract: every call
// goes over the single IPC channel and comes back as an ApiResult. It runs sandboxed, so it is
// bundled into one CommonJS file with nothing but 'electron' left to require.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/ipcChannel';
import type { Invoke, WindowApi } from '../../shared/api/contract';

// The main process answers every message with an ApiResult (see electron/main/ipc.ts).
const invoke: Invoke = (method, input) => ipcRenderer.invoke(IPC_CHANNEL, { method, input });

const api = { runtime: 'electron', invoke } satisfies WindowApi;

contextBridge.exposeInMainWorld('api', api);
