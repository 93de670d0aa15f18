// The documents tab in Chromium on the worked example (DOMAIN.md §6.5): the auditor enters the case
// facts once, drafts the notice of findings as of 2025-03-31, checks the figures in the React
// preview drawn from the document model (3,575.74 and 叁仟伍佰柒拾伍元柒角肆分, 草稿 without a
// number), issues it after the confirmation and sees its number; then starts a correction, which
// becomes a new draft citing the issued notice.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './session';

const WORKED_EXAMPLE = path.resolve('test/fixtures/worked-example');

describe('documents in Chromium', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('drafts the notice of findings, previews its figures, issues it and starts a correction', async () => {
    const { page, api, shot } = session;
    const employer = await api<{ id: number }>('employers.create', { name: '示例机械制造有限公司', creditCode: '91350100M000100Y43', address: '示例市高新区科技路88号' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const created = await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'lead' });
    // the case's cut-off date: the worked example's as-of date, used by every document
    await api('figures.set', { caseId: created.id, asOf: '2025-03-31' });
    await session.importFile(created.id, 'payroll', 'payroll.xlsx', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'payroll.xlsx'))));
    await session.importFile(created.id, 'declaration', 'declarations.csv', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'declarations.csv'))));

    await page.goto(new URL(`#/cases/${created.id}`, session.harness.url).href);
    await page.getByRole('tab', { name: /文书/ }).click();

    // Before the case facts, the notice of findings cannot be made and the menu says why.
    await page.getByRole('button', { name: /新建文书/ }).click();
    const findingsItem = page.locator('.ant-dropdown-menu-item[data-menu-id$="-findings-notice"]');
    await findingsItem.waitFor();
    expect(await findingsItem.getAttribute('aria-disabled')).toBe('true');
    expect(await findingsItem.innerText()).toContain('实地稽核开始日期');
    await shot('documents-01-kinds-before-facts');
    await page.keyboard.press('Escape');

    // 案件信息, entered once for every document.
    await page.getByRole('button', { name: '案件信息' }).click();
    const facts = page.getByRole('dialog', { name: /案件信息/ });
    await facts.getByLabel('稽核人员 1 姓名').fill('王建国');
    await facts.getByLabel('稽核人员 1 执法证号').fill('示医保稽字第000123号');
    await facts.getByLabel('稽核人员 2 姓名').fill('李晓梅');
    await facts.getByLabel('稽核人员 2 执法证号').fill('示医保稽字第000456号');
    for (const [label, value] of [
      ['实地稽核开始日期', '2025年3月20日'],
      ['实地稽核结束日期', '2025年3月21日'],
    ] as const) {
      const input = facts.getByLabel(label);
      await input.fill(value);
      await input.press('Enter');
    }
    await facts.getByLabel('实地稽核地点').fill('被稽核单位财务部会议室');
    await facts.getByLabel('联系人').fill('王建国');
    await facts.getByLabel('联系电话').fill('0000-12345678');
    await shot('documents-02-case-facts');
    await facts.getByRole('button', { name: /保\s*存/ }).click();
    await facts.waitFor({ state: 'hidden' });
    const stored = await api<{ facts: { auditors: unknown[]; onsiteFrom: string; onsiteTo: string } }>('caseFacts.get', { caseId: created.id });
    expect(stored.facts).toMatchObject({ onsiteFrom: '2025-03-20', onsiteTo: '2025-03-21' });
    expect(stored.facts.auditors).toHaveLength(2);

    // The notice of findings as of 2025-03-31, the worked example's as-of date.
    await page.getByRole('button', { name: /新建文书/ }).click();
    await expect.poll(() => findingsItem.getAttribute('aria-disabled')).not.toBe('true');
    await findingsItem.click();
    const form = page.getByRole('dialog', { name: '新建稽核事实确认书' });
    for (const label of ['成文日期']) {
      const input = form.getByLabel(label);
      await input.fill('2025年3月31日');
      await input.press('Enter');
    }
    await shot('documents-03-findings-form');
    await form.getByRole('button', { name: '生成草稿' }).click();
    await form.waitFor({ state: 'hidden', timeout: 60_000 });

    const preview = page.getByTestId('model-preview');
    await preview.waitFor({ timeout: 60_000 });
    await expect.poll(() => preview.innerText()).toContain('3,575.74');
    const draftText = await preview.innerText();
    expect(draftText).toContain('稽核事实确认书');
    expect(draftText).toContain('叁仟伍佰柒拾伍元柒角肆分'); // the total in capitals
    expect(draftText).toContain('3,043.18'); // back-pay
    expect(draftText).toContain('532.56'); // late fee
    expect(draftText).toContain('草稿'); // the watermark
    expect(draftText).toContain('示医保稽告〔2025〕　号'); // no number yet
    await page.locator('.ant-table-row', { hasText: '稽核事实确认书' }).getByText('草稿').first().waitFor();
    await page.getByTestId('pdf-frame').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2000);
    await shot('documents-04-draft-preview');

    // 签发: the confirmation says the number is allocated and the document frozen.
    await page.getByRole('button', { name: /签\s*发/ }).first().click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toMatch(/分配文号[\s\S]*冻结/);
    await shot('documents-05-issue-confirm');
    await confirm.getByRole('button', { name: /签\s*发/ }).click();
    const issuedRow = page.locator('.ant-table-row', { hasText: '示医保稽告〔2025〕1号' });
    await issuedRow.waitFor({ timeout: 60_000 });
    expect(await issuedRow.innerText()).toContain('已签发');
    await expect.poll(() => preview.innerText(), { timeout: 30_000 }).toContain('示医保稽告〔2025〕1号');
    const issuedText = await preview.innerText();
    expect(issuedText).not.toContain('草稿');
    expect(issuedText).toContain('3,575.74');
    const listed = await api<{ id: number; number: string; status: string; sha256: string }[]>('documents.list', { caseId: created.id });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ number: '示医保稽告〔2025〕1号', status: 'issued' });
    await page.getByTestId('pdf-frame').waitFor();
    await page.waitForTimeout(2000);
    await shot('documents-06-issued');

    // 更正: a reason, then a new draft citing the issued notice; the issued one stays as it was.
    await page.getByRole('button', { name: /更\s*正/ }).click();
    const corr = page.locator('.ant-modal-confirm');
    await corr.getByLabel('更正原因').fill('联系电话有误');
    await corr.getByRole('button', { name: '生成更正草稿' }).click();
    await page.locator('.ant-table-row', { hasText: '更正 示医保稽告〔2025〕1号' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => preview.innerText(), { timeout: 30_000 }).toContain('更正说明');
    expect(await preview.innerText()).toContain('示医保稽告〔2025〕1号');
    const after = await api<{ id: number; number: string; status: string; sha256: string }[]>('documents.list', { caseId: created.id });
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ number: '示医保稽告〔2025〕1号', status: 'issued', sha256: listed[0]!.sha256 });
    expect(after[1]).toMatchObject({ number: '', status: 'draft' });
    await page.waitForTimeout(1500);
    await shot('documents-07-correction-draft');
    expect(session.consoleErrors).toEqual([]);
  });
});
