// Decides how to read a file from its first bytes, never from its extension: employers rename
// files, and a PDF or picture saved as ".xlsx" must get a clear answer instead of a parser crash.

export type DetectedFormat =
  | { kind: 'zip' }
  | { kind: 'ole' }
  | { kind: 'text' }
  | { kind: 'empty' }
  | { kind: 'other'; what: string };

const SIGNATURES: ReadonlyArray<readonly [number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF 文件'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片'],
  [[0x42, 0x4d], 'BMP 图片'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z 压缩包'],
  [[0x1f, 0x8b], 'gzip 压缩文件'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF 文档'],
  [[0x3c, 0x3f, 0x78, 0x6d, 0x6c], 'XML 文件'],
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  // UTF-16 text (Excel's "Unicode text" export) has NUL bytes but is still text.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { kind: 'text' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { kind: 'text' };
  for (const [sig, what] of SIGNATURES) if (startsWith(bytes, sig)) return { kind: 'other', what };
  // HTML saved as .xls by old web systems: text, but not a table we can read as CSV.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).toLowerCase();
  if (/<html|<!doctype html|<table/.test(head)) return { kind: 'other', what: '网页（HTML）文件' };
  // Text has no NUL and few control characters in its first 8 KB.
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return { kind: 'other', what: '二进制文件' };
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (control > sample.length / 100) return { kind: 'other', what: '二进制文件' };
  return { kind: 'text' };
}
