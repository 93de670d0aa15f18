// A workstation's key fingerprint as people read it aloud on the phone: the SHA-256 of its public
// key, upper-case hex in groups of four (`3F2A 9C1B …`). The first 128 bits are shown (enough to
// tell keys apart by ear; the full digest is what the code compares).

export function formatFingerprint(hex: string, groups = 8): string {
  const h = hex.replace(/[^0-9a-fA-F]/g, '').toUpperCase().slice(0, groups * 4);
  return (h.match(/.{1,4}/g) ?? []).join(' ');
}

/** The full fingerprint from what a person typed or pasted (spaces, lower case), or null. */
export function normaliseFingerprint(text: string): string | null {
  const h = text.replace(/\s+/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(h) ? h : null;
}
