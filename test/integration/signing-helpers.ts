// Two workstations that know each other's keys, as the office sets them up (issue 8): each
// registers the other's public key, optionally with the number range the office gave the laptop.
import type { Backend } from '../../electron/services/backend';
import { workstationKey } from '../../electron/services/signing/workstationKey';
import { insertRegisteredKey } from '../../electron/services/signing/registeredKeys';
import type { NumberRange } from '../../electron/services/db/repos/numbering';

const META = { actor: 'test-setup', at: '2026-06-30T00:00:00.000Z' };

/** `into` registers `from`'s key (as the office does with a laptop's public-key file). */
export function register(into: Backend, from: Backend, range: NumberRange | null = null): void {
  const k = workstationKey(from.db);
  into.db.transaction(() => insertRegisteredKey(into.db, { workstationId: k.id, name: k.name, publicKey: k.publicKey, range }, META))();
}

export function trustEachOther(a: Backend, b: Backend): void {
  register(a, b);
  register(b, a);
}
