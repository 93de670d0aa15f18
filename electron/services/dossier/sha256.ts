// SHA-256 as lower-case hex: the one digest the dossier's manifest and its verifier use.
import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
