// A case from 立项 to 已归档 in Chromium (issue 5 items 1–4): the worked example of DOMAIN.md §6.5
// is imported; the auditor records the audit notice's proof of service and moves the case on
// through the progress bar, which names what is missing (the 3-day notice period, the approval,
// the opinion); evidence is attached and previewed; the section head approves and the documents
// are issued through the API (their screens are the documents slice's); payments and the
// follow-up check (复查) settle the rectification in the 整改 tab; the archivist archives; the
// 操作记录 tab verifies the chain as 完整; the dashboard shows counts by state and an overdue tip-off.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ComputeResultDto } from '../../shared/api/dto';
import { openSession, type Session } from './session';

const WORKED_EXAMPLE = path.resolve('test/fixtures/worked-example');
const PASSWORD = 'Jihe#2026-e2e';
const ONE_TIME_PASSWORD = 'Once#2026-e2e';

/** Local date n days from today as YYYY-MM-DD (the backend counts in the workstation's local days). */
function dayFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const chinese = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

describe('a case from planned to archived in Chromium', () => {
  let session: Session;
  let page: Page;
  let caseId = 0;
  let result: ComputeResultDto;
  const shot = (name: string) => session.shot(`workflow-${name}`);
  const bar = () => page.locator('.workflow-bar');
  const served = dayFromToday(-5);

  beforeAll(async () => {
    session = await openSession();
    page = session.page;
  });
  let stepFailed = false;
  beforeEach((ctx) => {
    if (stepFailed) ctx.skip();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    stepFailed = true;
    if (page) await shot(`failed-${ctx.task.name.slice(0, 30).replace(/[^\w\u4e00-\u9fff-]+/g, '_')}`);
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Accounts still holding the administrator's one-time password (replaced at their first login). */
  const oneTime = new Set<string>();
  async function apiLogin(username: string) {
    await session.api('auth.logout', {});
    if (oneTime.delete(username)) await session.api('auth.login', { username, password: ONE_TIME_PASSWORD, newPassword: PASSWORD });
    else await session.api('auth.login', { username, password: PASSWORD });
  }
  async function openCase(tab?: string) {
    await page.goto(new URL(`#/cases/${caseId}`, session.harness.url).href);
    await page.reload();
    await bar().waitFor();
    if (tab) await page.getByRole('tab', { name: tab }).click();
  }
  async function advance(label: string, state: string) {
    // antd spaces out a two-character label (归 档).
    const button = bar().getByRole('button', { name: label.length === 2 ? new RegExp(`^${label[0]}\\s*${label[1]}$`) : label });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: /确\s*认/ }).click();
    await page.getByText(new RegExp(`^案件已变为“${state}”`)).waitFor({ timeout: 60_000 });
  }
  async function issueDocument(kind: string, fields: Record<string, unknown>) {
    const draft = await session.api<{ id: number }>('documents.draft', { caseId, kind, fields });
    return session.api<{ id: number; number: string }>('documents.issue', { documentId: draft.id });
  }

  it('sets up a case with the worked example and an issued audit notice, the team of four', async () => {
    const { api } = session;
    const employer = await api<{ id: number }>('employers.create', { name: '示例科技有限公司', creditCode: '91350100M000100Y43', address: '示例市高新区创业路 8 号' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    caseId = (await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' })).id;
    await session.importFile(caseId, 'payroll', '2024年3月工资表.xlsx', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'payroll.xlsx'))));
    await session.importFile(caseId, 'declaration', '缴费申报明细_202403.csv', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'declarations.csv'))));
    await api('documents.generateNotice', {
      caseId,
      issueDate: served,
      onsiteDate: dayFromToday(-2),
      onsiteTime: '上午9:00',
      place: '示例科技有限公司财务室',
      auditors: [
        { name: '张明', credentialNo: 'JH-2026-001' },
        { name: '李华', credentialNo: 'JH-2026-002' },
      ],
      contactName: '王会计',
      contactPhone: '0591-87654321',
    });
    // The case facts every later document reads (the documents area's 案件信息).
    await api('caseFacts.set', {
      caseId,
      facts: {
        auditors: [
          { name: '张明', credentialNo: 'JH-2026-001' },
          { name: '李华', credentialNo: 'JH-2026-002' },
        ],
        onsiteFrom: dayFromToday(-2),
        onsiteTo: dayFromToday(-1),
        onsiteTime: '上午9:00',
        place: '示例科技有限公司财务室',
        contactName: '王会计',
        contactPhone: '0591-87654321',
      },
    });
    // The first account ends the bootstrap; the imports above were the OS user's (the preparer).
    await api('users.create', { username: 'admin', displayName: '管理员', role: 'admin', password: PASSWORD });
    await apiLogin('admin');
    for (const [username, displayName, role] of [
      ['zhangming', '张明', 'auditor'],
      ['wangke', '王科长', 'section-head'],
      ['chenda', '陈档案', 'archivist'],
    ] as const) {
      await api('users.create', { username, displayName, role, password: ONE_TIME_PASSWORD });
      oneTime.add(username);
    }
    await apiLogin('zhangming');
  });

  it('shows what the first step needs, records the proof of service, and moves to 已通知', async () => {
    await openCase();
    await expect.poll(() => bar().innerText()).toContain('尚未登记稽核通知书的送达回证');
    expect(await bar().getByRole('button', { name: '已送达稽核通知书' }).isDisabled()).toBe(true);
    await shot('01-planned-needs-service');

    await bar().getByRole('button', { name: '登记送达回证' }).click();
    const dialog = page.getByRole('dialog', { name: '登记稽核通知书送达回证' });
    const date = dialog.getByLabel('送达日期');
    await date.fill(chinese(served));
    await date.press('Enter');
    await dialog.getByLabel('受送达人（签收人）').fill('王会计（财务部）');
    await shot('02-service-form');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => bar().innerText()).toContain(`已于 ${chinese(served)} 直接送达，受送达人：王会计（财务部）`);
    await advance('已送达稽核通知书', '已通知');
    await shot('03-notified');
  });

  it('starts the on-site audit (the notice was served five days ago) and attaches evidence with previews', async () => {
    await advance('开始实地稽核', '实地稽核');
    await page.getByRole('tab', { name: '证据材料' }).click();
    // A real image: a screenshot of the case header, as a photo would come from a phone.
    const photo = await page.locator('.ant-descriptions').first().screenshot();
    await page.getByTestId('evidence-panel').locator('.ant-upload input[type=file]').setInputFiles({ name: '工资发放签字表-2024年3月.png', mimeType: 'image/png', buffer: photo });
    let dialog = page.getByRole('dialog', { name: /添加证据材料/ });
    await dialog.getByLabel('证据说明').fill('2024年3月工资发放签字表（财务室现场拍摄）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    // A scan: the issued notice's PDF stands in for a scanned employer document.
    const docs = await session.api<{ documents: { id: number; type: string }[] }>('cases.get', { caseId });
    const pdf = await session.api<{ data: Uint8Array }>('documents.pdf', { documentId: docs.documents.find((d) => d.type === 'audit-notice')!.id });
    await page.getByTestId('evidence-panel').locator('.ant-upload input[type=file]').setInputFiles({ name: '劳动合同扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf.data) });
    dialog = page.getByRole('dialog', { name: /添加证据材料/ });
    await dialog.getByLabel('证据说明').fill('乙的劳动合同（复印件扫描）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const rows = page.getByTestId('evidence-panel').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const list = await session.api<{ sha256: string; size: number; addedBy: string }[]>('evidence.list', { caseId });
    expect(list[0]).toMatchObject({ size: photo.length, addedBy: 'zhangming' });
    expect(await rows.first().innerText()).toContain(list[0]!.sha256.slice(0, 16));
    await page.getByTestId('evidence-panel').locator('img').first().waitFor();
    await shot('04-evidence');
    await rows.first().getByRole('button', { name: /工资发放签字表/ }).click();
    const preview = page.getByRole('dialog', { name: /工资发放签字表/ });
    await preview.locator('img').waitFor();
    expect(await preview.innerText()).toContain(list[0]!.sha256);
    await shot('05-evidence-preview');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
  });

  it('summarises the worked example; 出具稽核结论 lists the approval and the opinion as missing', async () => {
    await advance('实地稽核结束，进入汇总', '汇总');
    await expect.poll(() => bar().innerText()).toContain('“出具稽核结论”还需：稽核结论尚未经科室负责人审核；尚未签发稽核意见书');
    expect(await bar().innerText()).toMatch(/出具稽核意见书 \d{4}年\d+月\d+日 前/);
    await shot('06-summarised');
    result = await session.api<ComputeResultDto>('results.compute', { caseId, asOf: '2025-03-31' });
    expect(result.totals).toMatchObject({ backPay: '3043.18', lateFee: '532.56', total: '3575.74' });
  });

  it('the section head approves, the opinion and rectification notice are issued, and the case is concluded then rectifying', async () => {
    await apiLogin('wangke');
    await session.api('approvals.approve', { caseId, asOf: '2025-03-31' });
    await issueDocument('audit-opinion', { issueDate: dayFromToday(0), asOf: '2025-03-31' });
    await apiLogin('zhangming');
    await openCase();
    await advance('出具稽核结论', '已出结论');
    await apiLogin('wangke');
    await issueDocument('rectification-notice', { issueDate: dayFromToday(0), asOf: '2025-03-31', deadline: dayFromToday(10) });
    await apiLogin('zhangming');
    await openCase();
    await advance('进入整改', '整改中');
    await expect.poll(() => bar().innerText()).toContain(`整改期限 ${chinese(dayFromToday(10))} 前`);
    await shot('07-rectifying');
  });

  it('records payments and a follow-up check in the 整改 tab until nothing is outstanding', async () => {
    await page.getByRole('tab', { name: '整改' }).click();
    const table = page.getByRole('table', { name: '责令缴纳与已缴对照' }).or(page.locator('[aria-label="责令缴纳与已缴对照"]')).first();
    await expect.poll(() => table.innerText()).toMatch(/补缴社会保险费\s+3,043\.18\s+0\.00\s+3,043\.18/);
    const form = page.locator('[aria-label="登记缴款"]');
    await form.getByLabel('金额（元）').fill('3043.18');
    await form.getByLabel('备注').fill('银行回单 20261118-001');
    await form.getByRole('button', { name: '登记缴款' }).click();
    await expect.poll(() => table.innerText()).toMatch(/补缴社会保险费\s+3,043\.18\s+3,043\.18\s+0\.00/);
    await form.getByLabel('款项').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '滞纳金' }).click();
    await form.getByLabel('金额（元）').fill('532.56');
    await form.getByRole('button', { name: '登记缴款' }).click();
    await expect.poll(() => table.innerText()).toMatch(/合计\s+3,575\.74\s+3,575\.74\s+0\.00/);

    // The follow-up declarations: 甲 at the due base, 乙 (never enrolled) still missing.
    const row = (name: string) => result.rows.find((r) => r.name === name)!;
    const due = (name: string) => row(name).insurances.map((i) => i.dueBase).sort((a, b) => Number(b) - Number(a))[0]!;
    const csv = (names: string[]) =>
      Buffer.from(`姓名,身份证号码,费款所属期,缴费基数\n${names.map((n) => `${n},${row(n).personId},202403,${due(n)}`).join('\n')}\n`, 'utf8');
    const upload = page.getByTestId('rectification-panel').locator('.ant-card', { hasText: '复查' }).locator('input[type=file]');
    await upload.setInputFiles({ name: '整改后申报明细_202403.csv', mimeType: 'text/csv', buffer: csv(['甲']) });
    const missing = page.locator('[aria-label="仍未申报的人月"]');
    await expect.poll(() => missing.innerText()).toContain('乙');
    expect(await page.getByTestId('rectification-panel').innerText()).toContain('复查发现 1 人共 1 个人月仍未按应缴基数申报');
    await shot('08-followup-missing');
    await upload.setInputFiles({ name: '整改后申报明细_202403（补充）.csv', mimeType: 'text/csv', buffer: csv(['甲', '乙']) });
    await page.getByText('已整改完毕').waitFor();
    await shot('09-settled');
  });

  it('only the archivist archives; the trail verifies as 完整', async () => {
    // Archiving is the archive area's bar (dossier export); the auditor may not, the archivist may.
    const archiveButton = page.getByRole('button', { name: /^归\s*档$/ });
    await expect.poll(() => page.getByTestId('archive-reason').innerText()).toContain('稽核员无权办理“归档”');
    expect(await archiveButton.isDisabled()).toBe(true);
    await apiLogin('chenda');
    await openCase();
    await expect.poll(() => archiveButton.isEnabled()).toBe(true);
    await archiveButton.click();
    await page.getByRole('dialog', { name: '归档稽核案件' }).getByRole('button', { name: '确认归档' }).click();
    await page.getByTestId('archived-banner').waitFor({ timeout: 60_000 });
    await expect.poll(() => bar().innerText()).toContain('已归档');
    expect((await session.api<{ state: string }>('workflow.status', { caseId })).state).toBe('archived');
    await shot('10-archived');
    await page.getByRole('tab', { name: '操作记录' }).click();
    await page.getByRole('button', { name: /校\s*验/ }).click();
    const pane = page.getByTestId('trail-panel');
    await pane.getByText('完整', { exact: true }).waitFor();
    const text = await pane.innerText();
    for (const words of ['立项', '导入文件', '签发文书', '登记送达回证', '添加证据材料', '科室负责人审核', '登记缴款', '复查导入申报明细', '已通知 → 实地稽核', '整改中 → 已归档']) expect(text).toContain(words);
    await shot('11-trail-verified');
  });

  it('the dashboard counts cases by state and marks an overdue tip-off answer 逾期', async () => {
    await apiLogin('zhangming');
    const employer = (await session.api<{ id: number }[]>('employers.list', {}))[0]!;
    const plan = (await session.api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const tip = await session.api<{ id: number; number: string }>('cases.create', { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-06', ratePlanId: plan.id, source: 'tip-off' });
    await session.api('workflow.setDates', { caseId: tip.id, tipOffReceived: dayFromToday(-40) });
    await page.goto(new URL('#/cases', session.harness.url).href);
    const overview = page.locator('[aria-label="案件概览"]');
    await overview.waitFor();
    await expect.poll(() => overview.innerText()).toMatch(/已归档\s*1/);
    expect(await overview.innerText()).toMatch(/立项\s*1/);
    expect(await overview.innerText()).toMatch(/逾期案件\s*1/);
    const line = overview.locator('.ant-table-row', { hasText: tip.number });
    expect(await line.innerText()).toContain(`答复举报人 ${chinese(dayFromToday(-10))} 逾期`);
    await shot('12-dashboard');
    expect(session.consoleErrors).toEqual([]);
  });
});
