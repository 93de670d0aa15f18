// A payroll with one unreadable amount: the UI must say the file was refused, list the row
// (file, sheet, row, column, reason), and import the rest only when the auditor asks for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './session';

const BAD_PAYROLL = ['姓名,身份证号码,工资月份,应发工资', '甲,110105198001010016,2024-03,9500.55', '乙,110105198503150027,2024-03,三千', '丙,110105199007200034,2024-03,25000', ''].join('\r\n');

describe('a refused import in Chromium', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('explains the refusal and imports the other rows on request', async () => {
    const { page, api, shot } = session;
    // Setting up the case is not what this test is about: straight through the API.
    const employer = await api<{ id: number }>('employers.create', { name: '示例贸易有限公司', creditCode: '91110000600037341L' });
    const plans = await api<{ id: number; name: string }[]>('ratePlans.list', {});
    const plan = plans.find((p) => p.name === '示例地区 2024')!;
    const created = await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'random' });

    await page.goto(new URL(`#/cases/${created.id}`, session.harness.url).href);
    const card = page.locator('[data-testid="import-payroll"]');
    await card.locator('input[type=file]').setInputFiles({ name: '工资.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_PAYROLL, 'utf8') });
    // Choosing a file opens the column-mapping screen: confirm what was detected.
    await page.getByRole('button', { name: '确认导入' }).click();

    const refusal = card.locator('.ant-alert-error');
    await refusal.waitFor({ timeout: 60_000 });
    const text = await refusal.innerText();
    expect(text).toContain('文件未导入');
    expect(text).toMatch(/第 3 行/);
    const issueRow = card.locator('.ant-table-row').filter({ has: page.locator('.ant-tag', { hasText: '错误' }) });
    expect(await issueRow.count()).toBe(1);
    const cells = await issueRow.locator('td').allInnerTexts();
    expect(cells).toEqual(expect.arrayContaining(['错误', '工资.csv', '3', 'D']));
    await shot('20-import-refused');

    // Nothing was stored by the refused attempt.
    expect((await api<{ files: unknown[] }>('cases.get', { caseId: created.id })).files).toHaveLength(0);

    await card.getByRole('button', { name: '剔除所列错误行后导入' }).click();
    await card.getByText('已导入 工资.csv：2 行，2 人').waitFor({ timeout: 60_000 });
    const counts = await card.locator('.ant-descriptions-item').allInnerTexts();
    expect(counts.join(' ')).toMatch(/剔除行数\s*1/);
    await shot('21-import-leave-out');
    expect((await api<{ files: { rows: number }[] }>('cases.get', { caseId: created.id })).files.map((f) => f.rows)).toEqual([2]);
    expect(session.consoleErrors).toEqual([]);
  });
});
