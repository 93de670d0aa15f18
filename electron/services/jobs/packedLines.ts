// Lines in a compact, columnar form for the trip from the import worker to the main thread.
// A structured clone of 50,000 line objects copies every string of every line (the same ID 36
// times, the file and sheet name on every row) and builds as many objects again; here each
// chunk carries each distinct string once plus typed-array columns (transferred, not copied),
// and the receiving side shares one string per distinct value across all chunks (Interner), so
// the main thread's copy of a million-row import is a fraction of the worker's.
import type { InsuranceCode } from '../../../shared/domain/insurance';
import type { DeclarationLine, PayrollLine, SourceRef } from '../../../shared/domain/lines';

/** Distinct strings of a chunk; columns refer to them by index, -1 for "absent". */
class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  of(s: string | null | undefined): number {
    if (s === undefined || s === null) return -1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

interface PackedSource {
  strings: string[];
  personId: Int32Array;
  name: Int32Array;
  month: Int32Array;
  fileId: Float64Array;
  fileName: Int32Array;
  sheet: Int32Array;
  row: Int32Array;
}

export interface PackedPayroll extends PackedSource {
  department: Int32Array;
  grossFen: Float64Array;
  /** NaN: no net pay on the line. */
  netFen: Float64Array;
}

export interface PackedDeclarations extends PackedSource {
  /** String index of the insurance code, -1 for null (no insurance column). */
  insurance: Int32Array;
  baseFen: Float64Array;
  employerFen: Float64Array;
  employeeFen: Float64Array;
  /** 1 paid, 0 not paid, -1 not stated. */
  paid: Int8Array;
}

function packSource(lines: readonly { personId: string; name: string; month: string; source: SourceRef }[], table: StringTable): PackedSource {
  const n = lines.length;
  const p: PackedSource = {
    strings: table.strings,
    personId: new Int32Array(n),
    name: new Int32Array(n),
    month: new Int32Array(n),
    fileId: new Float64Array(n),
    fileName: new Int32Array(n),
    sheet: new Int32Array(n),
    row: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    p.personId[i] = table.of(l.personId);
    p.name[i] = table.of(l.name);
    p.month[i] = table.of(l.month);
    p.fileId[i] = l.source.fileId;
    p.fileName[i] = table.of(l.source.fileName);
    p.sheet[i] = table.of(l.source.sheet);
    p.row[i] = l.source.row;
  }
  return p;
}

const optional = (v: number | undefined): number => (v === undefined ? NaN : v);

export function packPayroll(lines: readonly PayrollLine[]): PackedPayroll {
  const table = new StringTable();
  const n = lines.length;
  const p: PackedPayroll = { ...packSource(lines, table), department: new Int32Array(n), grossFen: new Float64Array(n), netFen: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    p.department[i] = table.of(l.department);
    p.grossFen[i] = l.grossFen;
    p.netFen[i] = optional(l.netFen);
  }
  return p;
}

export function packDeclarations(lines: readonly DeclarationLine[]): PackedDeclarations {
  const table = new StringTable();
  const n = lines.length;
  const p: PackedDeclarations = {
    ...packSource(lines, table),
    insurance: new Int32Array(n),
    baseFen: new Float64Array(n),
    employerFen: new Float64Array(n),
    employeeFen: new Float64Array(n),
    paid: new Int8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    p.insurance[i] = table.of(l.insurance);
    p.baseFen[i] = l.baseFen;
    p.employerFen[i] = optional(l.employerFen);
    p.employeeFen[i] = optional(l.employeeFen);
    p.paid[i] = l.paid === undefined ? -1 : l.paid ? 1 : 0;
  }
  return p;
}

/** The typed arrays' buffers, to transfer with postMessage instead of copying them. */
export function transferList(p: PackedPayroll | PackedDeclarations): ArrayBuffer[] {
  return Object.values(p)
    .filter((v): v is Int32Array | Float64Array | Int8Array => ArrayBuffer.isView(v))
    .map((v) => v.buffer as ArrayBuffer);
}

/** One shared string per distinct value across every chunk of an import. */
export class Interner {
  private readonly seen = new Map<string, string>();
  of(s: string): string {
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    this.seen.set(s, s);
    return s;
  }
}

function stringsOf(p: PackedSource, interner: Interner): string[] {
  return p.strings.map((s) => interner.of(s));
}

function sourceAt(p: PackedSource, s: string[], i: number): SourceRef {
  return { fileId: p.fileId[i]!, fileName: s[p.fileName[i]!]!, sheet: s[p.sheet[i]!]!, row: p.row[i]! };
}

/** Appends the chunk's lines to target (same shape as the worker's: absent fields stay absent). */
export function unpackPayroll(p: PackedPayroll, interner: Interner, target: PayrollLine[]): void {
  const s = stringsOf(p, interner);
  for (let i = 0; i < p.personId.length; i++) {
    const line: PayrollLine = { personId: s[p.personId[i]!]!, name: s[p.name[i]!]!, month: s[p.month[i]!]!, grossFen: p.grossFen[i]!, source: sourceAt(p, s, i) };
    const d = p.department[i]!;
    if (d >= 0) line.department = s[d]!;
    const net = p.netFen[i]!;
    if (!Number.isNaN(net)) line.netFen = net;
    target.push(line);
  }
}

export function unpackDeclarations(p: PackedDeclarations, interner: Interner, target: DeclarationLine[]): void {
  const s = stringsOf(p, interner);
  for (let i = 0; i < p.personId.length; i++) {
    const ins = p.insurance[i]!;
    const line: DeclarationLine = {
      personId: s[p.personId[i]!]!,
      name: s[p.name[i]!]!,
      month: s[p.month[i]!]!,
      insurance: ins >= 0 ? (s[ins] as InsuranceCode) : null,
      baseFen: p.baseFen[i]!,
      source: sourceAt(p, s, i),
    };
    const er = p.employerFen[i]!;
    if (!Number.isNaN(er)) line.employerFen = er;
    const ee = p.employeeFen[i]!;
    if (!Number.isNaN(ee)) line.employeeFen = ee;
    const paid = p.paid[i]!;
    if (paid >= 0) line.paid = paid === 1;
    target.push(line);
  }
}
