// A narrow, fast scanner for the worksheet XML of an .xlsx (ARCHITECTURE.md §7): a general XML
// parser (saxes) spent ~90 % of a big import building tag objects and attribute maps for
// markup the importer never reads. This one walks the text with indexOf, reports only element
// names, the few attributes the sheet collector needs (r, t, s, ref) and character data, and
// still refuses what is not well-formed (mismatched tags, a bad name, bytes that are not UTF-8)
// so a damaged sheet is a clear file error, not silently missing rows. Input arrives in chunks
// (the streaming inflater); a tag or entity cut at a chunk edge is carried over to the next.

/** The attributes the sheet collector reads; absent ones are undefined. Reused between tags. */
export interface SheetAttrs {
  r: string | undefined;
  t: string | undefined;
  s: string | undefined;
  ref: string | undefined;
}

export interface SheetXmlHandler {
  /** An opening (or self-closing, followed by onClose) tag; `name` without a namespace prefix. */
  onOpen(name: string, attrs: SheetAttrs): void;
  /** Character data (entities decoded, CDATA included). */
  onText(text: string): void;
  onClose(name: string): void;
}

export class SheetXmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML entities; unknown named entities are kept as written. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code = body.charCodeAt(1) === 120 /* x */ ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

/** Tags whose attributes the collector needs; all others are skipped without parsing them. */
const WANTS_ATTRS = new Set(['row', 'c', 'mergeCell', 'dimension']);

const isNameStart = (ch: number) => (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95 || ch === 58 || ch > 127;
const isSpace = (ch: number) => ch === 32 || ch === 9 || ch === 10 || ch === 13;

export class SheetXmlScanner {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private rest = '';
  private readonly stack: string[] = [];
  private readonly attrs: SheetAttrs = { r: undefined, t: undefined, s: undefined, ref: undefined };
  private seenRoot = false;

  constructor(
    private readonly handler: SheetXmlHandler,
    private readonly entry: string,
  ) {}

  private fail(why: string): never {
    throw new SheetXmlError(`${this.entry}：${why}`);
  }

  write(chunk: Uint8Array, final: boolean): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: !final });
    } catch {
      this.fail('内容不是有效的 UTF-8 文本');
    }
    const buf = this.rest === '' ? text : this.rest + text;
    this.rest = '';
    const end = this.scan(buf, final);
    if (end < buf.length) this.rest = buf.slice(end);
    if (final) {
      if (this.rest.trim() !== '') this.fail('XML 在文件末尾不完整');
      if (this.stack.length > 0) this.fail(`元素 <${this.stack[this.stack.length - 1]}> 没有结束`);
      if (!this.seenRoot) this.fail('没有任何 XML 元素');
    }
  }

  /** Scans as far as complete markup goes; returns where the unfinished tail starts. */
  private scan(buf: string, final: boolean): number {
    const h = this.handler;
    const stack = this.stack;
    let pos = 0;
    const len = buf.length;
    while (pos < len) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text up to the end: keep it for the next chunk (an entity may be cut).
        if (final) {
          if (stack.length > 0) h.onText(decodeEntities(buf.slice(pos)));
          return len;
        }
        return pos;
      }
      if (lt > pos && stack.length > 0) h.onText(decodeEntities(buf.slice(pos, lt)));
      const next = buf.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return lt;
      if (next === 33 /* ! */) {
        if (buf.startsWith('<![CDATA[', lt)) {
          const close = buf.indexOf(']]>', lt + 9);
          if (close < 0) return lt;
          if (stack.length > 0) h.onText(buf.slice(lt + 9, close));
          pos = close + 3;
          continue;
        }
        if (buf.startsWith('<!--', lt)) {
          const close = buf.indexOf('-->', lt + 4);
          if (close < 0) return lt;
          pos = close + 3;
          continue;
        }
        if (lt + 9 > len) return lt;
        this.fail('不支持的 XML 声明（<!…>）');
      }
      if (next === 63 /* ? */) {
        const close = buf.indexOf('?>', lt + 2);
        if (close < 0) return lt;
        pos = close + 2;
        continue;
      }
      if (next === 47 /* / */) {
        // A closing tag has no attributes: its end is the next '>'.
        const gt = buf.indexOf('>', lt + 2);
        if (gt < 0) return lt;
        let nameEnd = gt;
        while (nameEnd > lt + 2 && isSpace(buf.charCodeAt(nameEnd - 1))) nameEnd--;
        const name = localName(buf.slice(lt + 2, nameEnd));
        const open = stack.pop();
        if (open !== name) this.fail(open === undefined ? `多余的结束标记 </${name}>` : `结束标记 </${name}> 与 <${open}> 不匹配`);
        h.onClose(name);
        pos = gt + 1;
        continue;
      }
      if (!isNameStart(next)) this.fail('无效的元素名');
      let i = lt + 1;
      while (i < len) {
        const ch = buf.charCodeAt(i);
        if (isSpace(ch) || ch === 47 || ch === 62) break;
        if (ch === 60) this.fail('标记中出现了“<”');
        i++;
      }
      if (i >= len) return lt;
      const name = localName(buf.slice(lt + 1, i));
      const wanted = WANTS_ATTRS.has(name);
      const a = this.attrs;
      a.r = a.t = a.s = a.ref = undefined;
      // Attributes up to '>' or '/>': each value is skipped with indexOf, so a '>' inside a
      // quoted value is not taken for the tag's end.
      let gt = -1;
      let selfClosing = false;
      for (;;) {
        while (i < len && isSpace(buf.charCodeAt(i))) i++;
        if (i >= len) return lt;
        const ch = buf.charCodeAt(i);
        if (ch === 62) {
          gt = i;
          break;
        }
        if (ch === 47) {
          if (i + 1 >= len) return lt;
          if (buf.charCodeAt(i + 1) !== 62) this.fail('标记格式错误');
          gt = i + 1;
          selfClosing = true;
          break;
        }
        const eq = buf.indexOf('=', i);
        if (eq < 0) return lt;
        let nameEnd = eq;
        while (nameEnd > i && isSpace(buf.charCodeAt(nameEnd - 1))) nameEnd--;
        let q = eq + 1;
        while (q < len && isSpace(buf.charCodeAt(q))) q++;
        if (q >= len) return lt;
        const quote = buf.charCodeAt(q);
        if (quote !== 34 && quote !== 39) this.fail('属性值缺少引号');
        const close = buf.indexOf(quote === 34 ? '"' : "'", q + 1);
        if (close < 0) return lt;
        if (wanted) {
          const n = nameEnd - i;
          const c0 = buf.charCodeAt(i);
          const key: keyof SheetAttrs | null =
            n === 1 ? (c0 === 114 ? 'r' : c0 === 116 ? 't' : c0 === 115 ? 's' : null) : n === 3 && buf.startsWith('ref', i) ? 'ref' : null;
          if (key) a[key] = decodeEntities(buf.slice(q + 1, close));
        }
        i = close + 1;
      }
      if (stack.length === 0 && this.seenRoot) this.fail('文档中有多个根元素');
      this.seenRoot = true;
      h.onOpen(name, a);
      if (selfClosing) h.onClose(name);
      else stack.push(name);
      pos = gt + 1;
    }
    return len;
  }
}

/** Drops a namespace prefix ("x:c" → "c"). */
function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
