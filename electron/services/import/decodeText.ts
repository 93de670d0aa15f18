// Chinese employers' CSV files come in UTF-8 (with or without BOM), GB18030/GBK (Excel's
// default "CSV" on Chinese Windows) and occasionally UTF-16. The order matters: a BOM is
// certain; strict UTF-8 almost never accepts GBK bytes by accident; GB18030 accepts anything.

export type TextEncodingName = 'UTF-8（带BOM）' | 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8（带BOM）' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}
