// The roster (花名册) in Chromium: a roster with a bad date is refused with its row and column,
// the corrected one is imported with the same card, progress and report as the other files, and
// the 人数比对 table shows roster, payroll and declared headcounts for the worked example with
// the persons behind each difference. Then the 费率/金额不符 tab on a case whose per-insurance
// declarations carry wrong employer amounts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkChar, generateEmployer } from '../fixtures/employer';
import { serialise, writeDeclarations, writePayroll } from '../fixtures/employerFiles';
import { buildRosterSheets, type RosterPerson } from '../fixtures/roster';
import { openSession, type Session } from './session';

const WORKED_EXAMPLE = path.resolve('test/fixtures/worked-example');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const withCheck = (first17: string) => first17 + checkChar(first17);
const person = (name: string, personId: string, hireDate: string, leaveDate: string | null, contractType = '劳动合同'): RosterPerson => ({
  personId,
  name,
  department: '生产部',
  hireDate,
  leaveDate,
  contractType,
  status: leaveDate ? '离职' : '在职',
});

// 甲 and 乙 are on the worked example's payroll (乙 an intern hired in March, not declared);
// 丙 is paid but missing from the roster; 戊 is on the roster but never paid nor declared;
// 庚 left at the end of February; 丁 is declared only and on no roster.
const ROSTER: RosterPerson[] = [
  person('甲', '110105198001010016', '2019-06-01', null),
  person('乙', '110105198503150027', '2024-03-18', null, '实习'),
  person('戊', withCheck('11010519920405003'), '2023-11-01', null),
  person('庚', withCheck('11010519881230002'), '2021-04-12', '2024-02-29'),
];

describe('roster and headcount in Chromium', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports a roster and shows the 人数比对 with drill-down lists', async () => {
    const { page, api, shot } = session;
    const employer = await api<{ id: number }>('employers.create', { name: '示例机械制造有限公司', creditCode: '91350100M000100Y43' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const created = await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-02', periodTo: '2024-03', ratePlanId: plan.id, source: 'lead' });
    await session.importFile(created.id, 'payroll', 'payroll.xlsx', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'payroll.xlsx'))));
    await session.importFile(created.id, 'declaration', 'declarations.csv', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'declarations.csv'))));

    await page.goto(new URL(`#/cases/${created.id}`, session.harness.url).href);
    await page.getByRole('tab', { name: /数据导入/ }).click();
    const card = page.getByTestId('import-roster');
    await card.waitFor();
    const headcount = page.getByTestId('headcount');
    await headcount.getByText('尚未导入花名册').waitFor();

    // A roster with an impossible hire date is refused whole, naming the row and column.
    const bad = buildRosterSheets(ROSTER, { title: true, headers: 'synonyms', dates: 'mixed' });
    bad[0]!.rows[4]![4] = '2023年2月30日';
    await card.locator('input[type=file]').setInputFiles({ name: '职工花名册.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(serialise(bad, 'xlsx')) });
    await card.getByText(/文件未导入：职工花名册\.xlsx 中有 1 处错误/).waitFor({ timeout: 60_000 });
    const errorRow = card.locator('.ant-table-row', { hasText: '日期不存在：2023年2月30日' });
    await errorRow.waitFor();
    expect(await errorRow.innerText()).toMatch(/5[\s\S]*E/);
    await shot('roster-01-refused');

    // The corrected roster, dates written every way (2023/11/1, 2024年3月18日, 20210412, Excel dates …).
    const good = buildRosterSheets(ROSTER, { title: true, headers: 'synonyms', dates: 'mixed' });
    await card.locator('input[type=file]').setInputFiles({ name: '职工花名册（更正）.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(serialise(good, 'xlsx')) });
    await card.getByText(/已导入 职工花名册（更正）\.xlsx：4 行，4 人/).waitFor({ timeout: 60_000 });
    expect(await card.innerText()).toContain('入职日期');
    await page.getByTestId('roster-files').getByRole('cell', { name: '职工花名册（更正）.xlsx' }).waitFor();

    // March: roster 甲 乙 戊; payroll 甲 乙 丙; declared 甲 丙 丁. February: roster 甲 戊 庚, nothing paid or declared.
    const cells = async (month: string) => (await headcount.locator(`tr[data-row-key="${month}"] td`).allInnerTexts()).map((t) => t.trim());
    await expect.poll(() => cells('2024-03')).toEqual(['2024年3月', '3', '3', '3', '1', '1', '2', '1']);
    expect(await cells('2024-02')).toEqual(['2024年2月', '3', '0', '0', '3', '0', '3', '3']);
    await shot('roster-02-headcount');

    await page.getByTestId('hc-rosterNotDeclared-2024-03').click();
    const dialog = page.getByRole('dialog', { name: /2024年3月 · 在册未参保（2 人）/ });
    const rows = dialog.locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const texts = await rows.allInnerTexts();
    expect(texts.find((t) => t.includes('乙'))).toMatch(/职工花名册（更正）\.xlsx · 花名册 · 第 5 行[\s\S]*payroll\.xlsx/);
    expect(texts.find((t) => t.includes('戊'))).toContain('职工花名册（更正）.xlsx · 花名册 · 第 6 行');
    await shot('roster-03-not-declared');
    await dialog.locator('.ant-modal-footer button').click();

    await page.getByTestId('hc-paidNotOnRoster-2024-03').click();
    const paid = page.getByRole('dialog', { name: /发薪不在册（1 人）/ });
    expect(await paid.locator('.ant-table-row').innerText()).toMatch(/丙[\s\S]*110105199007200034[\s\S]*payroll\.xlsx/);
    await shot('roster-04-paid-not-on-roster');
    await paid.locator('.ant-modal-footer button').click();
    await paid.waitFor({ state: 'hidden' });
    expect(session.consoleErrors).toEqual([]);
  });

  it('lists declared amounts that do not match base × rate under 费率/金额不符', async () => {
    const { page, api, shot } = session;
    const months = ['2024-01', '2024-02', '2024-03'];
    const data = generateEmployer(31, { persons: 6, months, undeclaredShare: 0 });
    const wrong = data.declarationRows.filter((r) => r.insurance === 'medical' && r.month === '2024-02').slice(0, 2);
    const declared = { ...data, declarationRows: data.declarationRows.map((r) => (wrong.includes(r) ? { ...r, employeeFen: r.employeeFen + 1_234 } : r)) };
    const employer = await api<{ id: number }>('employers.create', { name: data.employerName, creditCode: '91110000600037341L' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const created = await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' });
    await session.importFile(created.id, 'payroll', '工资表.xlsx', writePayroll(data, { title: true }, 'xlsx'));
    await session.importFile(created.id, 'declaration', '申报明细.xlsx', writeDeclarations(declared, { wide: true, title: true }, 'xlsx'));

    await page.goto(new URL(`#/cases/${created.id}`, session.harness.url).href);
    const tab = page.getByRole('tab', { name: /费率\/金额不符（\d+）/ });
    await tab.waitFor({ timeout: 30_000 });
    const medical = await (async () => {
      await tab.click();
      const table = page.getByTestId('discrepancies');
      await table.waitFor();
      return table.locator('.ant-table-row', { hasText: '职工基本医疗保险' });
    })();
    await expect.poll(() => medical.count()).toBe(2);
    for (const w of wrong) {
      const row = medical.filter({ hasText: w.name });
      const t = await row.innerText();
      expect(t).toContain('2024年2月');
      expect(t).toContain('个人');
      expect(t).toContain('12.34');
      expect(t).toContain('申报明细.xlsx · 申报明细 · 第');
    }
    await shot('roster-05-discrepancies');
    expect(session.consoleErrors).toEqual([]);
  });
});
