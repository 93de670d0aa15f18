// Shapes of the signing and trust area (issue 8, items 4 and 6): this workstation's identity (name,
// key fingerprint, number range), the public-key file it hands to the office, and the keys of the
// laptops the office has registered.
import { z } from 'zod';

export const NumberRangeSchema = z
  .object({
    start: z.number().int('号段起止应为整数').min(1, '号段起号至少为 1').max(99_999_999),
    end: z.number().int('号段起止应为整数').min(1).max(99_999_999),
  })
  .refine((r) => r.end >= r.start, { message: '号段止号不能小于起号', path: ['end'] });
export type NumberRangeDto = z.infer<typeof NumberRangeSchema>;

export const WorkstationIdentitySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** SHA-256 of the public key, 64 hex. */
  fingerprint: z.string(),
  /** The first 128 bits in groups of four, to read out on the phone. */
  fingerprintText: z.string(),
  publicKey: z.string(),
  createdAt: z.string(),
  /** The number range (号段) this workstation issues case and document numbers from; null: from 1, stepping over registered laptops' ranges. */
  numberRange: NumberRangeSchema.nullable(),
});
export type WorkstationIdentity = z.infer<typeof WorkstationIdentitySchema>;

export const SetIdentityInputSchema = z.object({
  name: z.string().trim().min(1, '请填写工作站名称').max(60, '工作站名称最多 60 个字'),
  numberRange: NumberRangeSchema.nullable(),
});

/** The public-key file a workstation gives the office (JSON). */
export const PUBLIC_KEY_FORMAT = 'jihe-workstation-key';
export const PublicKeyFileSchema = z.object({
  format: z.literal(PUBLIC_KEY_FORMAT),
  id: z.string().min(1),
  name: z.string().min(1).max(60),
  publicKey: z.string().min(1).max(200),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  numberRange: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
});
export type PublicKeyFile = z.infer<typeof PublicKeyFileSchema>;

export const RegisteredKeySchema = z.object({
  id: z.number().int(),
  workstationId: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  fingerprintText: z.string(),
  numberRange: NumberRangeSchema.nullable(),
  registeredAt: z.string(),
  registeredBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});
export type RegisteredKeyDto = z.infer<typeof RegisteredKeySchema>;

export const RegisterKeyInputSchema = z.object({
  /** The text of the laptop's public-key file. */
  keyText: z.string().min(1, '请选择或粘贴工作站公钥文件').max(10_000),
  /** The number range the office gives the laptop (overrides the one in the file). */
  numberRange: NumberRangeSchema.nullable(),
  /** The fingerprint as read out on the phone: must match the file's. */
  confirmFingerprint: z.string().trim().min(1, '请填写电话核对的指纹').max(100),
});
