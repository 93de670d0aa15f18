// Contract methods of the auditor's desk (issue 10): taking back a wrong import before review.
// Spread into the contract by shared/api/contract.ts.
import { z } from 'zod';
import { IdSchema, method } from '../methodKit';

export const deskMethods = {
  /**
   * Removes an imported payroll or declaration file with all its rows, before the findings are
   * approved (refused after approval and in an archived case). The removal, with the file's name,
   * SHA-256, rows and the reason, is recorded in the case's trail. To replace a file, remove it
   * and import the right one.
   */
  'imports.remove': method(
    z.object({ sourceFileId: IdSchema, removalReason: z.string().trim().min(2, '请写明删除的原因').max(500) }),
    z.object({ caseId: IdSchema, fileName: z.string(), rows: z.number().int() }),
  ),
} as const;
