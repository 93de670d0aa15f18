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
    const mixed = findMixedEncoding(bytes);
    if (mixed) throw new MixedEncodingError(mixed.utf8Line, mixed.otherLine);
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

/** A text file whose lines are partly UTF-8 and partly GBK (e.g. two exports pasted together). */
export class MixedEncodingError extends Error {
  constructor(
    readonly utf8Line: number,
    readonly otherLine: number,
  ) {
    super(
      `文件中混有两种文字编码：第 ${utf8Line} 行是 UTF-8，第 ${otherLine} 行是 GBK/GB18030，` +
        '按任何一种读取都会有乱码；请在 Excel 或记事本中统一另存为一种编码后重新导入',
    );
    this.name = 'MixedEncodingError';
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

// GBK bytes can happen to form valid 2-byte UTF-8 (袁强 → "Ԭǿ"), but then they decode to Latin,
// Cyrillic or Armenian letters, never to Chinese: a line counts as UTF-8 only when every non-ASCII
// character it decodes to is CJK (ideographs, CJK punctuation, full-width forms) and there are two.
function looksLikeChineseUtf8(text: string): boolean {
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
    else return false;
  }
  return cjk >= 2;
}

/**
 * Called only when the whole file is not UTF-8: if some lines are Chinese in UTF-8 while others
 * are not UTF-8 at all, GB18030 would silently turn the UTF-8 lines into mojibake — say so instead.
 */
function findMixedEncoding(bytes: Uint8Array): { utf8Line: number; otherLine: number } | null {
  let utf8Line = 0;
  let otherLine = 0;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const slice = bytes.subarray(start, i);
    let high = false;
    for (const b of slice) if (b >= 0x80) { high = true; break; }
    if (high) {
      let utf8 = false;
      try {
        utf8 = looksLikeChineseUtf8(strictUtf8.decode(slice));
      } catch {
        utf8 = false;
      }
      if (utf8) utf8Line ||= line;
      else otherLine ||= line;
      if (utf8Line && otherLine) return { utf8Line, otherLine };
    }
    line++;
    start = i + 1;
  }
  return null;
}
