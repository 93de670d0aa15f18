// Building blocks of the contract, shared by shared/api/contract.ts and the per-area method
// files in shared/api/methods/ (one file per area, so that areas grow without touching each other).
import { z } from 'zod';

/** Raw file bytes. IPC carries them as they are; the HTTP harness encodes them as base64. */
export const BytesSchema = z.instanceof(Uint8Array);

/** A database id. */
export const IdSchema = z.number().int().positive();

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}
