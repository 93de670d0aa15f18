// `jihe stats --data DIR --month YYYY-MM --out DIR` (DOMAIN.md §11): writes the month's XLSX and
// PDF from a workstation's data folder, with a Chinese summary; --help in Chinese; a bad month, a
// missing passphrase and a folder without a database are refused (nothing created there).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { statsCommand } from '../../electron/cli/statsCommand';
import { createCase, openSeeded, tempDir } from './db-helpers';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await statsCommand(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('jihe stats', () => {
  it('writes the XLSX and PDF of a month from the data folder', async () => {
    const tmp = tempDir('jihe-cli-stats-');
    try {
      const db = openSeeded(tmp.dir);
      const { caseId } = createCase(db);
      db.prepare("INSERT INTO case_transitions (case_id, from_state, to_state, reopen, at, by) VALUES (?, 'closed-no-finding', 'archived', 0, '2026-03-04T02:00:00.000Z', 'x')").run(caseId);
      db.prepare("INSERT INTO rectification_entries (case_id, kind, paid_on, amount_fen, purpose, at, by) VALUES (?, 'payment', '2026-02-10', 250000, 'late-fee', '2026-02-10T00:00:00.000Z', 'x')").run(caseId);
      db.close();

      const out = path.join(tmp.dir, 'out');
      const r = await run(['--data', tmp.dir, '--month', '2026-03', '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('参保单位已稽核 1 户');
      expect(readdirSync(out).sort()).toEqual(['医保基金监督检查情况统计表-2026-03.pdf', '医保基金监督检查情况统计表-2026-03.xlsx']);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(out, '医保基金监督检查情况统计表-2026-03.xlsx'));
      const emp = wb.getWorksheet('参保单位')!;
      const total = emp.getRows(5, 6)!.find((row) => String(row.getCell(1).value).endsWith('（合计）'))!;
      expect(total.getCell(3).value).toBe(1); // 已稽核 总数 (archived 2026-03-04)
      expect(total.getCell(13).value).toBe(2500); // 已追缴 滞纳金 (paid 2026-02-10)
      // February: paid, not yet archived.
      const feb = await run(['--data', tmp.dir, '--month', '2026-02', '--out', out]);
      expect(feb.stdout).toContain('参保单位已稽核 0 户');
    } finally {
      tmp.cleanup();
    }
  });

  it('answers --help in Chinese and refuses bad arguments', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('jihe stats --data 数据目录 --month YYYY-MM --out 输出目录');
    expect((await run(['--data', 'x', '--month', '2026-13', '--out', 'y'])).stderr).toContain('应写作 YYYY-MM');
    expect((await run(['--month', '2026-01'])).code).toBe(2);
    const tmp = tempDir('jihe-cli-stats-');
    try {
      const typo = path.join(tmp.dir, 'no-data');
      const r = await run(['--data', typo, '--month', '2026-01', '--out', path.join(tmp.dir, 'o')]);
      expect(r.code).toBe(1);
      expect(existsSync(typo)).toBe(false);
      const saved = process.env.JIHE_PASSPHRASE;
      delete process.env.JIHE_PASSPHRASE;
      try {
        expect((await run(['--data', tmp.dir, '--month', '2026-01', '--out', path.join(tmp.dir, 'o')])).stderr).toContain('JIHE_PASSPHRASE');
      } finally {
        process.env.JIHE_PASSPHRASE = saved;
      }
    } finally {
      tmp.cleanup();
    }
  });
});
