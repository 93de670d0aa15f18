// The one IPC entry point: sender frame check → envelope parse → backend (which parses the
// input with the contract's zod schema) → ApiResult. Nothing ever throws across IPC.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL, type ApiResult } from '../../shared/api/contract';
import { internalErrorResult, isTrustedSender, parseEnvelope, UNTRUSTED_SENDER_RESULT } from './envelope';

export interface InvokeBackend {
  invoke(method: string, rawInput: unknown): Promise<ApiResult<unknown>>;
}

function senderFacts(event: IpcMainInvokeEvent): { frameUrl: string | undefined; isTopFrame: boolean } {
  const frame = event.senderFrame;
  if (!frame) return { frameUrl: undefined, isTopFrame: false };
  // parent === null: the top frame of its page, never an iframe (such as the blob: PDF preview).
  return { frameUrl: frame.url, isTopFrame: frame.parent === null };
}

export function registerIpc(backend: InvokeBackend): void {
  ipcMain.handle(IPC_CHANNEL, async (event, raw: unknown): Promise<ApiResult<unknown>> => {
    const sender = senderFacts(event);
    if (!isTrustedSender(sender)) {
      console.warn(`[ipc] refused a message from ${sender.frameUrl ?? 'a destroyed frame'}`);
      return UNTRUSTED_SENDER_RESULT;
    }
    const parsed = parseEnvelope(raw);
    if (!parsed.ok) return parsed.result;
    try {
      return await backend.invoke(parsed.envelope.method, parsed.envelope.input);
    } catch (error) {
      console.error(`[ipc] ${parsed.envelope.method} failed`, error);
      return internalErrorResult();
    }
  });
}

export function unregisterIpc(): void {
  ipcMain.removeHandler(IPC_CHANNEL);
}
