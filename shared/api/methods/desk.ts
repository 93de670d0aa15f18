// Contract methods of the auditor's desk (issue 10): taking back a wrong import before review;
// judging many findings in one action; the exemptions file read in the UI.
// Spread into the contract by shared/api/contract.ts.
import { z } from 'zod';
import { BytesSchema, IdSchema, method } from '../methodKit';
import { ExemptionReasonSchema } from '../dto';
import { FINDING_DECISIONS } from '../../domain/findings';

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
  /**
   * The same judgment (认定, or 豁免 with its reason) on many findings at once: all are checked
   * first and recorded in one transaction, each with its own trail entry; one bad key refuses all.
   */
  'findings.judgeMany': method(
    z
      .object({
        caseId: IdSchema,
        keys: z.array(z.string().trim().min(1)).min(1, '请选择要处理的问题').max(20_000, '一次最多处理 20000 条问题'),
        decision: z.enum(FINDING_DECISIONS, { message: '处理意见应为 accepted（认定）或 exempted（豁免）' }),
        reason: ExemptionReasonSchema.optional(),
        note: z.string().trim().max(500, '说明最多500字').optional(),
      })
      .refine((j) => j.decision !== 'exempted' || j.reason !== undefined, { message: '豁免时必须选择豁免原因', path: ['reason'] })
      .refine((j) => j.reason !== 'other' || (j.note !== undefined && j.note !== ''), { message: '豁免原因为“其他”时必须填写说明', path: ['note'] }),
    z.object({ judged: z.number().int() }),
  ),
  /**
   * The auditor's exemptions from a CSV or JSON file (the format of `jihe compute --exempt`),
   * read in the bounded import worker; every record is checked against the case (person known,
   * months inside the period) and all are added in one transaction, or none with the problems.
   */
  'exemptions.importFile': method(
    z.object({ caseId: IdSchema, fileName: z.string().min(1).max(255), data: BytesSchema }),
    z.object({ added: z.number().int(), persons: z.number().int() }),
  ),
} as const;
