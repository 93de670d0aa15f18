// Contract methods of the working papers (issue 4 items 1–3): a finding's derivation, the what-if
// comparison and the sign-off state; spread into the contract by shared/api/contract.ts. They
// only read: judgments go through findings.judge / exemptions.*, approval through approvals.*.
import { z } from 'zod';
import { IsoDateSchema } from '../dto';
import { FindingDerivationSchema, SignOffStateSchema, WhatIfComparisonSchema, WhatIfInputSchema } from '../dto/findings';
import { IdSchema, method } from '../methodKit';

export const findingMethods = {
  /** The source rows, plan terms and arithmetic of one finding (key: shared/domain/findingPapers.ts). */
  'findings.derivation': method(z.object({ caseId: IdSchema, asOf: IsoDateSchema.optional(), key: z.string().trim().min(1, '请指定问题').max(200) }), FindingDerivationSchema),
  /** The case's totals next to a what-if (another as-of date, late-fee cap, base rule); nothing is stored. */
  'findings.whatIf': method(WhatIfInputSchema, WhatIfComparisonSchema),
  /** Approval status, preparer, and whether the logged-in user may approve now (and if not, why). */
  'findings.signOff': method(z.object({ caseId: IdSchema }), SignOffStateSchema),
} as const;
