// Storing an import is all-or-nothing: file bytes, every row and the audit entry in one
// transaction. A failure at row N — a constraint violation or a callback that throws (as a
// cancelled job does) — leaves the database exactly as it was, down to every row.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/services/db/open';
import { DuplicateFileError, storeImport, type StoreImportInput } from '../../electron/services/db/storeImport';
import { getSourceFileBytes, listSourceFiles } from '../../electron/services/db/repos/sourceFiles';
import { loadDeclarationLines, loadPayrollLines } from '../../electron/services/db/repos/lines';
import { listAudit, verifyAuditChain } from '../../electron/services/audit/auditLog';
import type { ImportReport } from '../../shared/domain/importReport';
import { createCase, declarationLines, META, openSeeded, payrollLines, tableCounts, tempDir } from './db-helpers';

const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

function input(caseId: number, overrides: Partial<StoreImportInput> = {}): StoreImportInput {
  const bytes = new Uint8Array(Buffer.from('工号,身份证号,姓名,月份,应发工资\r\n…\r\n', 'utf8'));
  const payroll = payrollLines(40, MONTHS, '2024年工资表.csv');
  const report: ImportReport = {
    kind: 'payroll',
    fileName: '2024年工资表.csv',
    sha256: '',
    size: bytes.byteLength,
    sheets: [],
    rowsRead: payroll.length,
    rowsTaken: payroll.length,
    rowsLeftOut: 0,
    persons: 40,
    months: MONTHS,
    issues: [],
  };
  return { caseId, kind: 'payroll', fileName: '2024年工资表.csv', bytes, sha256: createHash('sha256').update(bytes).digest('hex'), report, payroll, declarations: [], ...overrides };
}

/**
 * The database's whole content: schema, and every row of every table (sqlite_sequence included),
 * sorted (some tables have no rowid). Not the page bytes: an encrypted page carries a fresh random IV each time it is
 * written (and db.serialize() its reserved bytes), so equal content no longer means equal bytes.
 */
function snapshot(db: Db): { counts: Record<string, number>; sha: string } {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const hash = createHash('sha256');
  const objects = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all() as { type: string; name: string; sql: string | null }[];
  hash.update(JSON.stringify(objects));
  for (const t of objects.filter((o) => o.type === 'table')) {
    const rows = (db.prepare(`SELECT * FROM "${t.name}"`).raw().all() as unknown[][]).map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : typeof v === 'bigint' ? String(v) : v)),
    );
    hash.update(`${t.name}\n${rows.sort().join('\n')}`);
  }
  return { counts: tableCounts(db), sha: hash.digest('hex') };
}

describe('storeImport', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let caseId: number;
  beforeEach(() => {
    tmp = tempDir();
    db = openSeeded(tmp.dir);
    caseId = createCase(db).caseId;
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('stores the bytes byte-for-byte, every row with its source, and one audit entry', () => {
    const inp = input(caseId);
    const { sourceFileId, rows } = storeImport(db, inp, META);
    expect(rows).toBe(240);
    expect(Buffer.from(getSourceFileBytes(db, sourceFileId)!).equals(Buffer.from(inp.bytes))).toBe(true);
    const files = listSourceFiles(db, caseId);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ kind: 'payroll', fileName: '2024年工资表.csv', rows: 240, sha256: inp.sha256, size: inp.bytes.byteLength });
    const loaded = loadPayrollLines(db, caseId);
    expect(loaded).toHaveLength(240);
    expect(loaded[17]).toEqual({ ...inp.payroll[17], source: { ...inp.payroll[17]!.source, fileId: sourceFileId } });
    const audit = listAudit(db, caseId);
    expect(audit.at(-1)).toMatchObject({ action: 'import.store', detail: { sourceFileId, rows: 240, sha256: inp.sha256 } });
    expect(verifyAuditChain(audit).ok).toBe(true);
  });

  it('keeps declaration rows with a null insurance and optional amounts', () => {
    const decl = declarationLines(5, ['2024-03']);
    decl[2] = { ...decl[2]!, insurance: 'pension', employerFen: 64_000, employeeFen: 32_000, paid: true };
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41]);
    storeImport(db, { ...input(caseId), kind: 'declaration', bytes, sha256: createHash('sha256').update(bytes).digest('hex'), payroll: [], declarations: decl }, META);
    const loaded = loadDeclarationLines(db, caseId);
    expect(loaded.map((l) => l.insurance)).toEqual([null, null, 'pension', null, null]);
    expect(loaded[2]).toMatchObject({ employerFen: 64_000, employeeFen: 32_000, paid: true });
    expect(loaded[0]).not.toHaveProperty('employerFen');
  });

  it('leaves every row of the database as it was when row N violates a constraint', () => {
    storeImport(db, input(caseId, { fileName: '1月.csv', bytes: new Uint8Array([1]), sha256: '1'.repeat(64) }), META);
    const before = snapshot(db);
    const payroll = payrollLines(40, MONTHS, '2024年工资表.csv');
    payroll[150] = { ...payroll[150]!, month: '2024-13' };
    expect(() => storeImport(db, input(caseId, { payroll }), META)).toThrow(/CHECK constraint failed/);
    expect(snapshot(db)).toEqual(before);
  });

  it('leaves every row of the database as it was when the progress callback throws mid-way', () => {
    const before = snapshot(db);
    const big = input(caseId, { payroll: payrollLines(2_000, MONTHS, '2024年工资表.csv') });
    let calls = 0;
    expect(() =>
      storeImport(db, big, META, {
        onRows: (done) => {
          calls++;
          if (done >= 10_000) throw new Error('已取消');
        },
      }),
    ).toThrow('已取消');
    expect(calls).toBeGreaterThan(0);
    expect(snapshot(db)).toEqual(before);
  });

  it('refuses the same file (same SHA-256) in the same case, and stores nothing', () => {
    storeImport(db, input(caseId), META);
    const before = snapshot(db);
    let error: unknown;
    try {
      storeImport(db, input(caseId, { fileName: '改了名字的工资表.csv' }), META);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DuplicateFileError);
    expect((error as Error).message).toMatch(/^该文件已导入（2024年工资表\.csv，2026-07-01 08:00:00 由 测试员甲 导入）/);
    expect(snapshot(db)).toEqual(before);
  });
});
