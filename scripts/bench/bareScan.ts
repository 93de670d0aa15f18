// The bound the benchmark measures itself against (issue 16 item 5): the least work any reader of
// an .xlsx must do — inflate each worksheet's XML with Node's zlib, streaming, and find every
// cell in it (the `<c` tags, by Buffer.indexOf) — with no parsing, no values, no rows. Our import
// of the same file is reported as a multiple of this, in the same run on the same machine.
import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';

export interface BareScan {
  seconds: number;
  cpu: number;
  cells: number;
  inflatedBytes: number;
}

/** Worksheet entries from the central directory: where the deflated data starts and its length. */
function worksheetEntries(bytes: Buffer): { start: number; size: number; method: number }[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip');
  const out: { start: number; size: number; method: number }[] = [];
  let p = bytes.readUInt32LE(eocd + 16);
  for (let n = bytes.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = bytes.readUInt16LE(p + 10);
    const size = bytes.readUInt32LE(p + 20);
    const nameLen = bytes.readUInt16LE(p + 28);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLen);
    const local = bytes.readUInt32LE(p + 42);
    if (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) {
      out.push({ start: local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28), size, method });
    }
    p += 46 + nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return out;
}

const CELL = Buffer.from('<c ');

export async function bareScan(file: string): Promise<BareScan> {
  const t = performance.now();
  const c = process.cpuUsage();
  const bytes = readFileSync(file);
  let cells = 0;
  let inflatedBytes = 0;
  for (const e of worksheetEntries(bytes)) {
    const data = bytes.subarray(e.start, e.start + e.size);
    const chunks = e.method === 0 ? Readable.from([data]) : Readable.from([data]).pipe(createInflateRaw({ chunkSize: 256 * 1024 }));
    let tail: Buffer = Buffer.alloc(0);
    for await (const chunk of chunks as AsyncIterable<Buffer>) {
      inflatedBytes += chunk.length;
      // A tag cut at a chunk edge is found in the joined tail.
      const buf: Buffer = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      for (let i = buf.indexOf(CELL); i >= 0; i = buf.indexOf(CELL, i + 3)) cells++;
      tail = buf.subarray(Math.max(0, buf.length - 2));
    }
  }
  const used = process.cpuUsage(c);
  return { seconds: (performance.now() - t) / 1000, cpu: (used.user + used.system) / 1e6, cells, inflatedBytes };
}
