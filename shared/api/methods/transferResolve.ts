// Contract method of resolving transfer conflicts (issue 8 item 6); spread into the contract by
// shared/api/contract.ts. The package is sent again with one choice per conflicting case; every
// case of the package is imported and every choice applied in ONE transaction, or nothing is.
import { z } from 'zod';
import { TransferImportResultSchema } from '../dto/archive';
import { ConflictResolutionSchema } from '../dto/transferResolve';
import { BytesSchema, method } from '../methodKit';
import { TransferPassphraseSchema } from './archive';

export const transferResolveMethods = {
  /** Imports a package again, resolving each conflicting case as chosen (take theirs / keep ours / keep both); all-or-nothing, each choice in the case's trail. */
  'transfer.resolveConflicts': method(
    z.object({
      data: BytesSchema,
      fileName: z.string().max(260).optional(),
      passphrase: TransferPassphraseSchema,
      resolutions: z.array(ConflictResolutionSchema).min(1, '请为每个冲突的案件选择处理方式').max(200),
    }),
    TransferImportResultSchema,
  ),
} as const;
