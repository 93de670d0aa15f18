// What the IPC handler accepts before anything reaches the backend: a message from our own
// top-level app:// page, shaped { method, input } with a method the contract knows. Kept free of
// 'electron' so these checks are unit-tested in Node; ipc.ts wires them to ipcMain.
import { z } from 'zod';
import { isMethodName, type ApiResult, type MethodName } from '../../shared/api/contract';
import { isAppUrl } from './appUrl';

const EnvelopeSchema = z.object({
  method: z.string().refine(isMethodName, { message: '未知的接口方法' }),
  input: z.unknown(),
});

export type Envelope = { method: MethodName; input: unknown };

export function parseEnvelope(raw: unknown): { ok: true; envelope: Envelope } | { ok: false; result: ApiResult<never> } {
  const parsed = EnvelopeSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      result: {
        ok: false,
        error: {
          code: 'invalid-input',
          message: '界面发来的请求格式不正确，已拒绝。',
          details: parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(请求)', message: issue.message })),
        },
      },
    };
  }
  return { ok: true, envelope: { method: parsed.data.method as MethodName, input: parsed.data.input } };
}

/** The facts about the sending frame that decide whether we answer it at all. */
export interface SenderFacts {
  /** URL of the frame that sent the message; absent when the frame is already gone. */
  frameUrl: string | undefined;
  /** Whether that frame is the top frame of its page (not an iframe such as the PDF preview). */
  isTopFrame: boolean;
}

export function isTrustedSender(sender: SenderFacts): boolean {
  return sender.isTopFrame && sender.frameUrl !== undefined && isAppUrl(sender.frameUrl);
}

export const UNTRUSTED_SENDER_RESULT: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: '请求来自未授权的页面，已拒绝。' },
};

export function internalErrorResult(): ApiResult<never> {
  return { ok: false, error: { code: 'internal', message: '程序内部错误，操作未完成。请重试；如果仍然出错，请联系技术支持。' } };
}
