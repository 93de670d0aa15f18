// The auditor's exemption in the results screen: exempting 乙 (an intern) in the worked example
// leaves only 甲's row, and revoking it brings the full amounts back (DOMAIN.md §6.4, §6.5).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './session';

const WORKED_EXAMPLE = path.resolve('test/fixtures/worked-example');

describe('exemptions in Chromium', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('exempts a person-month and revokes it, with the totals following', async () => {
    const { page, api, shot } = session;
    const employer = await api<{ id: number }>('employers.create', { name: '示例机械制造有限公司', creditCode: '91350100M000100Y43' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const created = await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'lead' });
    await session.importFile(created.id, 'payroll', 'payroll.xlsx', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'payroll.xlsx'))));
    await session.importFile(created.id, 'declaration', 'declarations.csv', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'declarations.csv'))));

    await api('figures.set', { caseId: created.id, asOf: '2025-03-31' });
    await page.goto(new URL(`#/cases/${created.id}`, session.harness.url).href);
    const total = page.getByTestId('total-total');
    await expect.poll(() => total.innerText()).toContain('3,575.74');

    await page.locator('[data-testid="rows-table"] tr.ant-table-row', { hasText: '乙' }).getByRole('button', { name: '豁免' }).click();
    const dialog = page.getByRole('dialog', { name: /豁免：乙/ });
    await dialog.getByLabel('豁免原因').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '实习学生' }).click();
    await dialog.getByLabel('说明').fill('在校学生，实习协议在卷');
    await shot('30-exempt-form');
    await dialog.getByRole('button', { name: '记录豁免' }).click();

    // Only 甲 remains: 1,611.18 back-pay and 281.96 late fee (DOMAIN.md §6.5).
    await expect.poll(() => total.innerText()).toContain('1,893.14');
    expect(await page.getByTestId('total-backPay').innerText()).toContain('1,611.18');
    expect(await page.getByTestId('total-lateFee').innerText()).toContain('281.96');
    await page.getByRole('tab', { name: /豁免（1）/ }).click();
    const record = page.getByTestId('exemptions-table').locator('.ant-table-row', { hasText: '在校学生，实习协议在卷' });
    await record.waitFor();
    expect(await record.innerText()).toContain('实习学生');
    await shot('31-exempted');

    await record.getByRole('button', { name: '撤销' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /撤\s*销/ }).click();
    await expect.poll(() => total.innerText()).toContain('3,575.74');
    await page.getByText('已撤销').first().waitFor();
    await shot('32-exemption-revoked');
    expect(session.consoleErrors).toEqual([]);
  });
});
