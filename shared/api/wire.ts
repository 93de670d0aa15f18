// The HTTP wire codec of the test harness. JSON cannot carry raw bytes, so every Uint8Array
// becomes {"$bytes": "<base64>"} on the way out and a Uint8Array again on the way in. IPC in
// Electron carries bytes natively and never uses this. Pure TS (no Buffer, no btoa) so the same
// code runs in the harness server and in the browser-side client.

const BYTES_KEY = '$bytes';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE_TABLE: Int16Array = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: string[] = [];
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk.push(ALPHABET[(v >> 18) & 63]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!);
    if (chunk.length === 8192) {
      parts.push(chunk.join(''));
      chunk.length = 0;
    }
  }
  const rest = n - i;
  if (rest === 1) {
    const v = bytes[i]! << 16;
    chunk.push(ALPHABET[(v >> 18) & 63]! + ALPHABET[(v >> 12) & 63]! + '==');
  } else if (rest === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    chunk.push(ALPHABET[(v >> 18) & 63]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + '=');
  }
  parts.push(chunk.join(''));
  return parts.join('');
}

export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new WireError('base64 长度不是 4 的倍数');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const c = text.charCodeAt(i + k);
      const isPad = c === 61 /* = */ && i + k >= text.length - pad;
      const d = isPad ? 0 : c < 128 ? DECODE_TABLE[c]! : -1;
      if (d < 0) throw new WireError(`base64 含有非法字符（位置 ${i + k}）`);
      v = (v << 6) | d;
    }
    if (o < out.length) out[o++] = (v >> 16) & 255;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}

export class WireError extends Error {
  override name = 'WireError';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Replaces every Uint8Array (at any depth) by {"$bytes": base64}; returns JSON-safe data. */
export function encodeWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES_KEY]: bytesToBase64(value) };
  if (Array.isArray(value)) return value.map(encodeWire);
  if (isPlainObject(value)) {
    if (Object.prototype.hasOwnProperty.call(value, BYTES_KEY)) {
      throw new WireError(`对象的键 "${BYTES_KEY}" 为传输编码保留，不能作为数据字段`);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeWire(v);
    return out;
  }
  return value;
}

/** The inverse of encodeWire: {"$bytes": base64} objects become Uint8Array again. */
export function decodeWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeWire);
  if (isPlainObject(value)) {
    if (Object.prototype.hasOwnProperty.call(value, BYTES_KEY)) {
      const b64 = value[BYTES_KEY];
      if (typeof b64 !== 'string' || Object.keys(value).length !== 1) {
        throw new WireError(`"${BYTES_KEY}" 对象格式不正确：应只含一个 base64 字符串`);
      }
      return base64ToBytes(b64);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeWire(v);
    return out;
  }
  return value;
}

/** JSON text for an HTTP body. */
export function stringifyWire(value: unknown): string {
  return JSON.stringify(encodeWire(value));
}

/** Parses an HTTP body produced by stringifyWire. */
export function parseWire(text: string): unknown {
  return decodeWire(JSON.parse(text) as unknown);
}
