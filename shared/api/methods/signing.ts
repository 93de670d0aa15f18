// Contract methods of the signing and trust area (issue 8, items 4 and 6); spread into the contract
// by shared/api/contract.ts. The workstation's own identity and number range, its public-key file,
// and the office's register of its laptops' keys (register, revoke — never delete).
import { z } from 'zod';
import { IdSchema, method } from '../methodKit';
import { RegisteredKeySchema, RegisterKeyInputSchema, SetIdentityInputSchema, WorkstationIdentitySchema } from '../dto/signing';

export const signingMethods = {
  /** This workstation's name, key fingerprint and number range (the key is made on first call). */
  'signing.identity': method(z.object({}), WorkstationIdentitySchema),
  /** Renames the workstation and sets the number range the office gave it. */
  'signing.setIdentity': method(SetIdentityInputSchema, WorkstationIdentitySchema),
  /** The public-key file to take to the office (JSON text). */
  'signing.exportPublicKey': method(z.object({}), z.object({ fileName: z.string(), text: z.string() })),
  /** The other workstations' keys registered here, revoked ones included. */
  'signing.keys': method(z.object({}), z.array(RegisteredKeySchema)),
  /** Registers a laptop's public key after its fingerprint was compared by phone. */
  'signing.registerKey': method(RegisterKeyInputSchema, RegisteredKeySchema),
  /** Revokes a registration: packages signed by that key are refused from now on. */
  'signing.revokeKey': method(z.object({ id: IdSchema }), RegisteredKeySchema),
} as const;
