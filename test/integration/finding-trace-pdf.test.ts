// The printed derivation (shared/documents/findingTrace): a working paper per finding from the
// source rows through the plan version (name and SHA-256) and the arithmetic to the legal basis,
// rendered to PDF by the documents' renderer; the estimated person's page says 核定 with its rule,
// legal basis and reason. The figures are those worked by hand in test/unit/estimation.test.ts.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/services/documents/pdf';
import { buildFindingTrace } from '../../shared/documents/findingTrace';
import { compute } from '../../shared/rules/compute';
import { rowToDto } from '../../shared/rules/resultDto';
import { sha256Hex } from '../../shared/rules/sha256';
import { decl, ID, loadPlan, pay, src } from '../unit/computeFixtures';
import { tempDir } from './db-helpers';

describe('finding trace PDF', () => {
  const tmp = tempDir('jihe-trace-');
  afterAll(() => tmp.cleanup());

  it('prints sources, plan version, arithmetic and legal basis per finding, and 核定 where estimated', async () => {
    const plan = { ...loadPlan('example-2024.json'), estimation: { rule: 'average-wage' as const, legalBasis: '《中华人民共和国社会保险法》第六十二条', averageWages: [{ from: '2024-01', to: '2024-12', monthly: 7654.32 }] } };
    const planText = JSON.stringify(plan);
    const r = compute({
      plan,
      from: '2024-03',
      to: '2024-03',
      asOf: '2025-03-31',
      payroll: [pay(ID.jia, '甲', '2024-03', '3000.00', src('工资表.xlsx', '三月', 4)), pay(ID.yi, '乙', '2024-03', '3000.00', src('工资表.xlsx', '三月', 5))],
      declarations: [decl(ID.jia, '甲', '2024-03', '4000.00', null, {}, src('申报明细.csv', '', 2))],
      estimations: [{ personId: ID.jia, months: ['2024-03'], reason: '三月工资表只有半月记录' }],
    });
    const sha = sha256Hex(planText);
    const model = buildFindingTrace({
      agencyName: '示例市医疗保障局',
      caseNumber: '稽〔2025〕7号',
      employerName: '示例市某某机械制造有限公司',
      plan: { name: plan.name, sha256: sha },
      late: { dailyRate: '0.0005', cap: 'none', asOf: '2025-03-31' },
      rows: r.rows.map(rowToDto),
    });
    const pdf = await renderPdf(model, { draft: false });
    const file = path.join(tmp.dir, 'trace.pdf');
    writeFileSync(file, pdf.bytes);
    if (process.env.JIHE_KEEP_TRACE) writeFileSync(process.env.JIHE_KEEP_TRACE, pdf.bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // the source rows, the plan version, the estimated basis and its reason
    expect(text).toContain('工资表.xlsx›工作表“三月”›第4行');
    expect(text).toContain('申报明细.csv›第2行');
    expect(text).toContain(sha.slice(0, 16));
    expect(text).toContain('核定：按地区月平均工资核定');
    expect(text).toContain('三月工资表只有半月记录');
    // the arithmetic: 甲's pension employer line (3,654.32 × 16% = 584.6912 → 584.69) and late fee
    expect(text).toContain('少报3,654.32×16%=584.6912→584.69');
    expect(text).toContain('1,308.25×0.05%×350天=228.94375→228.94');
    // 乙 on the floor: 4,000.00 × 16% = 640.00
    expect(text).toContain('少报4,000.00×16%=640.00');
    expect(text).toContain('《中华人民共和国社会保险法》第六十条第一款');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+[2-9]/);
  }, 60_000);
});
