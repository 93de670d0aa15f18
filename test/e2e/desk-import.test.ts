// Issue 10, item 1 in Chromium: another employer's payroll (other months, strangers to the
// declarations, another company in its title) is refused with the three reasons before it is
// taken; taken anyway with a reason, it can still be removed before review, and the removal
// with its reason shows in the case's trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEmployer } from '../fixtures/employer';
import { writeDeclarations, writePayroll } from '../fixtures/employerFiles';
import { openSession, type Session } from './session';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('a wrong import, warned about and removed, in Chromium', () => {
  let session: Session;
  let caseId: number;
  const ours = generateEmployer(11, { persons: 30, months: ['2024-01', '2024-02', '2024-03'], undeclaredShare: 0.1 });
  const theirs = generateEmployer(21, { persons: 25, months: ['2023-10', '2023-11', '2023-12'] });

  beforeAll(async () => {
    session = await openSession();
    const { api } = session;
    const employer = await api<{ id: number }>('employers.create', { name: ours.employerName, creditCode: '91110000600037341L' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    caseId = (await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' })).id;
    await session.importFile(caseId, 'declaration', '缴费申报明细.csv', writeDeclarations(ours, {}, 'csv-gb18030'));
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  it('refuses the other employer’s payroll with its reasons, then removes it after it was taken anyway', async () => {
    const { page, shots } = session;
    await page.goto(new URL(`#/cases/${caseId}`, session.harness.url).href);
    const card = page.getByTestId('import-payroll');
    await card.locator('input[type=file]').setInputFiles({ name: '工资表.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(writePayroll(theirs, { title: true }, 'xlsx')) });
    const modal = page.locator('.ant-modal', { hasText: '确认列映射' });
    await modal.getByRole('button', { name: '确认导入' }).click();

    // The import runs as a job; under a loaded CI machine it can take a while. Whatever it ends
    // in, a failure names what the card showed instead of the refusal.
    const refusal = card.getByTestId('verification-refusal');
    await card.locator('[data-testid=verification-refusal], .ant-alert-error, .ant-alert-success').first().waitFor({ timeout: 120_000 }).catch(() => undefined);
    if (!(await refusal.isVisible())) throw new Error(`the payroll card shows no refusal:\n${await card.innerText()}`);
    const text = await refusal.innerText();
    const n = theirs.payrollRows.length;
    expect(text).toContain(`月份超出稽核期间：全部 ${n} 行（共 ${n} 行）的月份（2023-10～2023-12，共 3 个月）不在稽核期间 2024-01～2024-03 内，这个文件可能不属于本案`);
    expect(text).toMatch(/人员与另一方数据重合很少：本文件 25 人中只有 0 人见于已导入的缴费申报明细（\d+ 人）/);
    expect(text).toContain(`标题中的单位不是本案单位：表头上方写的单位是“${theirs.employerName}”，本案单位是“${ours.employerName}”`);
    expect(await page.getByTestId('imported-files').locator('.ant-table-row').count()).toBe(1);
    await shots('desk-01-import-warned');

    // Taken anyway (as happened in the audit), then taken back out before review.
    for (const box of await refusal.getByRole('checkbox').all()) await box.check();
    await refusal.getByLabel('仍然导入的理由').fill('先导入核对');
    await refusal.getByRole('button', { name: '仍然导入' }).click();
    const files = page.getByTestId('imported-files');
    const wrongRow = files.locator('.ant-table-row', { hasText: '工资表.xlsx' });
    await wrongRow.waitFor({ timeout: 60_000 });
    await wrongRow.getByRole('button', { name: '删除/替换' }).click();
    const dialog = page.getByRole('dialog', { name: /删除导入的工资表：工资表\.xlsx/ });
    expect(await dialog.innerText()).toContain(`将删除该文件及其 ${n} 行数据（25 人，2023-10～2023-12）`);
    const ok = dialog.getByRole('button', { name: '删除此文件' });
    expect(await ok.isDisabled()).toBe(true);
    await dialog.getByLabel('删除原因').fill('误导入其他单位的工资表');
    await shots('desk-02-remove-dialog');
    await ok.click();
    await wrongRow.waitFor({ state: 'detached' });
    expect(await files.locator('.ant-table-row').count()).toBe(1);

    await page.getByRole('tab', { name: '操作记录' }).click();
    const entry = page.locator('.ant-table-row, .ant-timeline-item, li', { hasText: '删除导入的文件' }).first();
    await entry.waitFor();
    expect(await entry.innerText()).toContain(`工资表《工资表.xlsx》，${n} 行，原因：误导入其他单位的工资表`);
    await shots('desk-03-trail');
    expect(session.consoleErrors).toEqual([]);
  });
});
