// `npx jihe demo --out DIR` as a newcomer runs it: the real bin on the bundled sample files.
// Every document of DOMAIN.md §8 is written as a PDF with embedded fonts, on A4, carrying its
// number; the opinion's and the schedule's totals (figures and capitals) equal `jihe compute` on
// the same files; the XLSX schedule opens in LibreOffice (when installed) and its totals equal
// the PDF's; every page of the interview record carries the signature lines.
import { scheduleColumn } from './schedule-xlsx-helpers';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toChineseCapitals } from '../../shared/documents/chineseAmount';
import { DOCUMENT_KINDS } from '../../shared/documents/kinds';
import { fenFromString, formatFenGrouped } from '../../shared/rules/money';
import { verifyDrawRecord } from '../../shared/rules/drawRecord';
import type { DemoOutput } from '../../electron/cli/demoCommand';
import { unzipSync } from 'fflate';
import { ROOT } from './db-helpers';

const OUT = path.join(ROOT, 'test-output', 'demo');
const DEMO = path.join(ROOT, 'resources', 'demo');
const caseJson = JSON.parse(readFileSync(path.join(DEMO, 'case.json'), 'utf8')) as { dates: { opinionIssue: string }; periodFrom: string; periodTo: string };

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** pdftotext output without white space and page numbers, so a phrase broken over lines or pages still matches. */
const flat = (file: string, page?: number) =>
  run('pdftotext', ['-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'])
    .replace(/\s+/g, '')
    .replace(/—\d+—/g, '');

let out: DemoOutput;
let stdout: string;
const pdf = (kind: string) => path.join(OUT, out.documents.find((d) => d.kind === kind)!.file);

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const r = spawnSync('npx', ['--no-install', 'jihe', 'demo', '--out', OUT], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
  expect(r.status, r.stderr).toBe(0);
  stdout = r.stdout;
  out = JSON.parse(readFileSync(path.join(OUT, 'documents.json'), 'utf8')) as DemoOutput;
}, 180_000);

describe('jihe demo', () => {
  it('writes every document of DOMAIN.md §8 (but the dossier) as a numbered PDF, and the schedule as XLSX', () => {
    const kinds = new Set(out.documents.map((d) => d.kind));
    for (const k of DOCUMENT_KINDS.filter((k) => k !== 'dossier-cover')) expect(kinds, k).toContain(k);
    const files = readdirSync(OUT);
    for (const d of out.documents) expect(files).toContain(d.file);
    expect(files).toContain(out.xlsx);
    expect(out.documents.map((d) => d.file.slice(0, 2))).toEqual(out.documents.map((_, i) => String(i + 1).padStart(2, '0')));
    expect(stdout).toContain('稽核演示');
    expect(stdout).toContain(`总计 ${formatFenGrouped(fenFromString(out.totals.total))} 元（${toChineseCapitals(fenFromString(out.totals.total))}）`);
  });

  it('writes the monthly statistics of the month its case was archived in, counting that case', async () => {
    const month = readdirSync(OUT).find((f) => /^医保基金监督检查情况统计表-\d{4}-\d{2}\.xlsx$/.test(f));
    expect(month).toBeDefined();
    expect(readdirSync(OUT)).toContain(month!.replace(/xlsx$/, 'pdf'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(OUT, month!));
    const total = wb.getWorksheet('参保单位')!.getRows(5, 4)!.find((r) => String(r.getCell(1).value).endsWith('（合计）'))!;
    expect(total.getCell(3).value).toBe(1); // 已稽核: the sample case, archived that month
  });

  it('writes a double-random draw record that re-runs to the same teams, and its publication', () => {
    const files = readdirSync(OUT);
    for (const f of ['双随机抽查记录.pdf', '双随机抽查记录.json', '抽查结果公示.xlsx', '抽查结果公示.pdf']) expect(files).toContain(f);
    const v = verifyDrawRecord(JSON.parse(readFileSync(path.join(OUT, '双随机抽查记录.json'), 'utf8')));
    expect(v.problems).toEqual([]);
    expect(v.teams.length).toBe(5);
    expect(stdout).toContain('双随机抽查演示：抽中 5 个单位，含一次递补');
  });

  it('every PDF embeds its fonts, is A4 and prints its number', () => {
    for (const d of out.documents) {
      const file = path.join(OUT, d.file);
      const fonts = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim() !== '');
      expect(fonts.length, d.file).toBeGreaterThan(0);
      for (const row of fonts) expect(row.split(/\s+/).at(-5), `${d.file}: ${row}`).toBe('yes'); // emb column
      const info = run('pdfinfo', [file]);
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      const [w, h] = [Number(size[1]), Number(size[2])].sort((a, b) => a - b);
      expect(Math.round(w!), d.file).toBe(595);
      expect(Math.round(h!), d.file).toBe(842);
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(d.pages);
      expect(flat(file), d.file).toContain(d.number.replace(/\s+/g, ''));
    }
  });

  it('a proof of service is one page, whatever it serves', () => {
    const proofs = out.documents.filter((d) => d.kind === 'service-proof');
    expect(proofs.length).toBeGreaterThanOrEqual(2);
    for (const d of proofs) expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path.join(OUT, d.file)]))![1]), d.file).toBe(1);
  });

  it('every document, and every PDF of the archived dossier, is PDF/A-2b; the notice of findings has its proof of service', () => {
    const pdfa = (file: string) => {
      const meta = run('pdfinfo', ['-meta', file]);
      return meta.includes('<pdfaid:part>2</pdfaid:part>') && meta.includes('<pdfaid:conformance>B</pdfaid:conformance>');
    };
    for (const d of out.documents) expect(pdfa(path.join(OUT, d.file)), d.file).toBe(true);
    const zip = unzipSync(new Uint8Array(readFileSync(path.join(OUT, out.dossier!.file))));
    const pdfs = Object.keys(zip).filter((n) => n.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(out.documents.length - 1 + 4); // documents but the other case's, cover, index, trail, 备考表
    mkdirSync(path.join(OUT, 'dossier-pdf'), { recursive: true });
    pdfs.forEach((name, i) => {
      const file = path.join(OUT, 'dossier-pdf', `${i}.pdf`);
      writeFileSync(file, zip[name]!);
      expect(pdfa(file), name).toBe(true);
    });
    expect(pdfs.some((n) => /送达回证（稽核事实确认书）/.test(n))).toBe(true);
    // the 备考表 names the lead auditor who arranged the file, the archivist who checked it, and when
    const notes = path.join(OUT, 'dossier-pdf', `${pdfs.findIndex((n) => n.endsWith('备考表.pdf'))}.pdf`);
    expect(flat(notes)).toMatch(/立卷人：王建国立卷时间：\d{4}年\d{1,2}月\d{1,2}日检查人：赵雅琴检查时间：\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it('the same totals in every document that states them', () => {
    const total = formatFenGrouped(fenFromString(out.totals.total));
    const backPay = formatFenGrouped(fenFromString(out.totals.backPay));
    const lateFee = formatFenGrouped(fenFromString(out.totals.lateFee));
    for (const kind of ['findings-notice', 'audit-opinion', 'backpay-schedule', 'rectification-notice']) {
      const t = flat(pdf(kind));
      for (const amount of [total, backPay, lateFee]) expect(t, `${kind} ${amount}`).toContain(amount);
    }
    for (const kind of ['work-record', 'penalty-referral']) {
      const t = flat(pdf(kind));
      for (const amount of [backPay, lateFee]) expect(t, `${kind} ${amount}`).toContain(amount);
    }
  });

  it('the opinion and the schedule carry the totals of jihe compute on the same files, in figures and capitals', () => {
    const c = caseJson;
    const files = ['工资表2024.xlsx', '缴费申报明细2024.csv', '缴费方案.json'].map((f) => path.join(DEMO, f));
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/jihe.mjs'), 'compute', ...files, '--from', c.periodFrom, '--to', c.periodTo, '--as-of', c.dates.opinionIssue, '--exempt', path.join(DEMO, '豁免认定.csv'), '--json'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(r.status, r.stderr).toBe(0);
    const computed = JSON.parse(r.stdout) as { totals: DemoOutput['totals']; lines: number };
    expect(out.totals).toEqual(computed.totals);
    const opinion = flat(pdf('audit-opinion'));
    const schedule = flat(pdf('backpay-schedule'));
    const rect = flat(pdf('rectification-notice'));
    for (const key of ['backPay', 'lateFee', 'total'] as const) {
      const fen = fenFromString(computed.totals[key]);
      expect(opinion).toContain(formatFenGrouped(fen));
      expect(opinion).toContain(toChineseCapitals(fen));
      expect(schedule).toContain(formatFenGrouped(fen));
      expect(schedule).toContain(toChineseCapitals(fen));
      expect(rect).toContain(toChineseCapitals(fen));
    }
    // one schedule line per row, with the repeated header and a subtotal on every page
    const pages = out.documents.find((d) => d.kind === 'backpay-schedule')!.pages;
    expect(schedule).toContain(`${computed.lines}`);
    for (const p of [1, Math.ceil(pages / 2), pages - 1]) {
      const t = flat(pdf('backpay-schedule'), p);
      expect(t, `page ${p}`).toContain('身份证号码');
      expect(t, `page ${p}`).toContain('小计');
    }
  });

  it('the XLSX schedule has the same lines and totals as the PDF, and a source row for each line', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(OUT, out.xlsx));
    const ws = wb.getWorksheet('补缴明细')!;
    let totalsRow: ExcelJS.Row | undefined;
    let lines = 0;
    const fen = (v: ExcelJS.CellValue) => Math.round(Number(v) * 100);
    let backPay = 0;
    const backPayCol = scheduleColumn(ws, '补缴合计');
    const lateFeeCol = scheduleColumn(ws, '滞纳金');
    ws.eachRow((row) => {
      const a = row.getCell(1).value;
      if (typeof a === 'number') {
        lines++;
        backPay += fen(row.getCell(backPayCol).value);
        expect(row.getCell(5).numFmt).toBe('#,##0.00');
      }
      if (a === '合计') totalsRow = row;
    });
    expect(totalsRow).toBeDefined();
    expect(fen(totalsRow!.getCell(backPayCol).value)).toBe(fenFromString(out.totals.backPay));
    expect(fen(totalsRow!.getCell(lateFeeCol).value)).toBe(fenFromString(out.totals.lateFee));
    expect(backPay).toBe(fenFromString(out.totals.backPay)); // integer fen, so the lines add up exactly
    const schedulePdf = flat(pdf('backpay-schedule'));
    expect(schedulePdf).toContain(`${lines}`);
    expect(schedulePdf).toContain(formatFenGrouped(fen(totalsRow!.getCell(backPayCol).value)));
    expect(schedulePdf).toContain(formatFenGrouped(fen(totalsRow!.getCell(lateFeeCol).value)));
    const src = wb.getWorksheet('数据来源')!;
    const seqs = new Set<number>();
    src.eachRow((row, i) => {
      if (i > 1) seqs.add(Number(row.getCell(1).value));
    });
    expect(seqs.size).toBe(lines);
    expect(src.getRow(2).getCell(6).value).toBe('工资表2024.xlsx');
  });

  it.skipIf(!existsSync('/usr/bin/soffice'))('the XLSX opens in LibreOffice (soffice --convert-to csv) with the same totals', () => {
    const dir = path.join(OUT, 'csv');
    mkdirSync(dir, { recursive: true });
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, path.join(OUT, out.xlsx)], { encoding: 'utf8', timeout: 120_000 });
    const csv = readFileSync(path.join(dir, out.xlsx.replace(/\.xlsx$/, '.csv')), 'utf8');
    const totals = parse(csv, { relax_column_count: true }).find((row: string[]) => row[0] === '合计') as string[] | undefined;
    expect(totals).toBeDefined();
    const cells = totals!.filter((c) => c !== '').map((c) => c.replace(/,/g, ''));
    expect(cells).toContain(out.totals.backPay);
    expect(cells).toContain(out.totals.lateFee);
  });

  it('every page of the interview record carries the signature lines and its page number', () => {
    const d = out.documents.find((x) => x.kind === 'interview-record')!;
    expect(d.pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= d.pages; p++) {
      const t = flat(path.join(OUT, d.file), p);
      expect(t, `page ${p}`).toContain('被询问人（签名）');
      expect(t, `page ${p}`).toContain(`第${p}页共${d.pages}页`);
    }
  });

  it('answers a missing --out with the usage and exit code 2', () => {
    const r = spawnSync('npx', ['--no-install', 'jihe', 'demo'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('缺少选项 --out');
    expect(r.stdout).toBe('');
  });
});
