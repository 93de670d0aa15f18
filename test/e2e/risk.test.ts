// Risk screening in Chromium (DOMAIN.md §10.1, §10.2): import the employer directory from an
// annex-like sheet (a bad file first: refused whole with its row), download the template, import
// the industry average-wage table, open the ranked list with an employer's indicators, override
// its tier with a reason, and see the pre-audit analysis on a new case. Screenshots at 1440×900.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { serialise, type FixtureCell } from '../fixtures/employerFiles';
import { openSession, type Session } from './session';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const code = (n: number) => {
  const first = `9141090${String(n).padStart(10, '0')}`;
  return first + creditCodeCheckChar(first);
};
const HEADER = ['序号', '所在\n地区', '名称', '统一社会\n信用代码', '参保单位\n编号', '行业', '地址', '法定代表人', '联系人', '联系电话', '备注'];
const INDUSTRIES = ['制造业', '批发和零售业', '建筑业', '制造业'];
const annex = (codes: string[]) =>
  serialise(
    [
      {
        name: '参保单位名录',
        rows: [['濮阳市参保单位检查对象名录库基本信息表'], HEADER, ...codes.map((c, i): FixtureCell[] => [i + 1, '华龙区', `濮阳市某某${i + 1}号有限公司`, c, `41090${i + 1}`, INDUSTRIES[i % 4]!, `濮阳市华龙区第${i + 1}街`, '张三', '李四', '0393-1234567', null])],
        merges: [{ top: 0, left: 0, bottom: 0, right: 10 }],
      },
    ],
    'xlsx',
  );
const WAGES = serialise(
  [{ name: '2025', rows: [['2025 年度分行业在岗职工月平均工资'], ['年度', '行业', '地区', '月平均工资（元）', '数据来源'], [2025, '制造业', '', 6000, '市统计局公报'], [2025, '批发和零售业', '', 5200.5, '市统计局公报'], [2025, '建筑业', '华龙区', 7100, '区统计局公报']], merges: [] }],
  'xlsx',
);

describe('risk screening in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports the employer directory, screens risk, overrides a tier and shows the pre-audit analysis', async () => {
    const { page, api, shot } = session;
    const codes = [1, 2, 3, 4].map(code);
    await page.goto(new URL('#/employers', session.harness.url).href);
    await page.getByText('还没有单位').waitFor();

    // A file with an invalid credit code is refused whole, naming the row.
    const bad = codes[1]!.slice(0, 17) + (codes[1]!.endsWith('X') ? 'Y' : 'X');
    await page.locator('input[type=file]').setInputFiles({ name: '单位名录-错.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(annex([codes[0]!, bad])) });
    await page.getByText('单位名录未导入').waitFor();
    await page.getByText(/参保单位名录“单位名录-错.xlsx”中有 1 行无法读取.*第 4 行/).waitFor();
    await shot('risk-01-employers-refused');

    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载名录模板' }).click()]);
    expect(template.suggestedFilename()).toBe('参保单位名录模板.xlsx');

    await page.locator('input[type=file]').setInputFiles({ name: '单位名录.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(annex(codes)) });
    await page.getByText('已导入参保单位名录：新增 4 家，更新 0 家').waitFor();
    await page.getByRole('cell', { name: codes[3]! }).waitFor();
    await shot('risk-02-employers');

    // Two tip-offs in the last 12 months against the first employer.
    const today = new Date().toISOString().slice(0, 10);
    for (const allegation of ['按最低基数申报', '部分职工未参保']) {
      await api('tipOffs.create', { receivedOn: today, channel: 'phone', subjectKind: 'employer', subjectCreditCode: codes[0], subjectName: '濮阳市某某1号有限公司', allegation });
    }

    await page.goto(new URL('#/risk', session.harness.url).href);
    await page.getByRole('tab', { name: '行业平均工资' }).click();
    await page.getByText('还没有行业平均工资').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '行业平均工资.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(WAGES) });
    await page.getByText('已导入行业平均工资：新增 3 条，更新 0 条').waitFor();
    await page.getByRole('cell', { name: '5200.50' }).waitFor();
    await shot('risk-03-wages');

    await page.getByRole('tab', { name: '风险排序名单' }).click();
    const first = page.locator('tr.ant-table-row').first();
    await expect.poll(() => first.textContent()).toContain('濮阳市某某1号有限公司');
    await expect.poll(() => first.textContent()).toContain('30');
    await first.locator('.ant-table-row-expand-icon').click();
    await page.getByRole('cell', { name: '近 12 个月举报次数', exact: true }).waitFor();
    await page.getByRole('cell', { name: '2 次', exact: true }).waitFor();
    await shot('risk-04-ranked');

    await first.getByRole('button', { name: '调整等级' }).click();
    const modal = page.locator('.ant-modal', { hasText: '调整风险等级' });
    await modal.getByLabel('调整为').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('高').click();
    await modal.getByLabel('理由').fill('举报线索具体，且该单位近三年职工人数大幅减少');
    await shot('risk-05-override');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已调整风险等级').waitFor();
    await expect.poll(() => first.textContent()).toContain('已调整');
    await page.getByText('举报线索具体，且该单位近三年职工人数大幅减少').waitFor();
    await shot('risk-06-overridden');

    // A new case of that employer shows the indicators as its pre-audit analysis.
    const employers = (await api('employers.list', {})) as { id: number; creditCode: string }[];
    const plans = (await api('ratePlans.list', {})) as { id: number }[];
    const c = (await api('cases.create', { employerId: employers.find((e) => e.creditCode === codes[0])!.id, periodFrom: '2024-01', periodTo: '2024-12', ratePlanId: plans[0]!.id, source: 'tip-off' })) as { id: number };
    await page.goto(new URL(`#/cases/${c.id}`, session.harness.url).href);
    await page.getByRole('tab', { name: '审前分析' }).click();
    await page.getByText(/风险分值 30，风险等级/).waitFor();
    await page.getByRole('cell', { name: '平均申报基数 ÷ 行业平均工资', exact: true }).waitFor();
    await shot('risk-07-case-analysis');

    // The case's team from the inspector directory, then the annual plan and its publication.
    for (const [name, credential] of [['张伟', '豫濮医保执0001'], ['王芳', '豫濮医保执0002']]) await api('inspectors.create', { name, credential });
    await page.getByRole('button', { name: '选定检查组' }).click();
    const teamModal = page.locator('.ant-modal', { hasText: '选定检查组' });
    await teamModal.getByLabel('检查人员').click();
    await page.locator('.ant-select-dropdown:visible').getByText('张伟（豫濮医保执0001）').click();
    await page.locator('.ant-select-dropdown:visible').getByText('王芳（豫濮医保执0002）').click();
    // Close the multiple-choice list before saving (it stays open and covers the button).
    await teamModal.locator('.ant-modal-title').click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await teamModal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('张伟（执法证号 豫濮医保执0001）').waitFor();

    await page.goto(new URL('#/plan', session.harness.url).href);
    await page.getByRole('cell', { name: '张伟（豫濮医保执0001）、王芳（豫濮医保执0002）' }).waitFor();
    const [plan] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '年度稽核计划 PDF' }).click()]);
    expect(plan.suggestedFilename()).toBe(`年度稽核计划_${new Date().getFullYear()}.pdf`);
    await page.getByText('已导出年度稽核计划（PDF）').waitFor();
    await shot('risk-08-plan');
    expect(session.consoleErrors).toEqual([]);
  });
});
