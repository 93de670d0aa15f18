// Archiving and case transfer in Chromium (issue 5 items 5 and 6): the worked example (DOMAIN.md
// §6.5) is taken through the procedure by API up to 整改中 with a penalty referral issued; in the
// case screen the auditor sees why he may not archive; the archivist opens the 归档 dialog (which
// lists what goes into the dossier), archives, sees the 已归档（只读） banner and downloads the
// dossier, which verifies offline; then the 案件交换 dialog exports the case and re-importing the
// package changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDossier } from '../../electron/services/dossier/index';
import { sha256Hex } from '../../electron/services/dossier/sha256';
import { openSession, type Session } from './session';
import { unseal } from '../../electron/services/crypto/sealedFile';

const WORKED_EXAMPLE = path.resolve('test/fixtures/worked-example');
const PASSWORD = 'Jihe#2026-e2e';
const ONE_TIME_PASSWORD = 'Once#2026-e2e';

function dayFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('archiving and case transfer in Chromium', () => {
  let session: Session;
  let caseId = 0;
  const shot = (name: string) => session.shot(`archive-${name}`);

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Accounts still holding the administrator's one-time password (replaced at their first login). */
  const oneTime = new Set<string>();
  const login = async (username: string) => {
    await session.api('auth.logout', {});
    if (oneTime.delete(username)) await session.api('auth.login', { username, password: ONE_TIME_PASSWORD, newPassword: PASSWORD });
    else await session.api('auth.login', { username, password: PASSWORD });
  };
  const issue = async (kind: string, fields: Record<string, unknown>) => {
    const draft = await session.api<{ id: number }>('documents.draft', { caseId, kind, fields });
    return session.api<{ id: number }>('documents.issue', { documentId: draft.id });
  };
  const go = (to: string) => session.api('workflow.transition', { caseId, to });

  it('archives the worked example with its dossier and downloads it', async () => {
    const { api, page } = session;
    const served = dayFromToday(-15);
    const employer = await api<{ id: number }>('employers.create', { name: '示例科技有限公司', creditCode: '91350100M000100Y43', address: '示例市高新区创业路 8 号' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    caseId = (await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-03', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' })).id;
    await session.importFile(caseId, 'payroll', '2024年3月工资表.xlsx', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'payroll.xlsx'))));
    await session.importFile(caseId, 'declaration', '缴费申报明细_202403.csv', new Uint8Array(readFileSync(path.join(WORKED_EXAMPLE, 'declarations.csv'))));
    const auditors = [
      { name: '张明', credentialNo: 'JH-2026-001' },
      { name: '李华', credentialNo: 'JH-2026-002' },
    ];
    const notice = await api<{ id: number }>('documents.generateNotice', {
      caseId,
      issueDate: served,
      onsiteDate: dayFromToday(-12),
      onsiteTime: '上午9:00',
      place: '示例科技有限公司财务室',
      auditors,
      contactName: '王会计',
      contactPhone: '0591-87654321',
    });
    await api('caseFacts.set', {
      caseId,
      facts: { auditors, onsiteFrom: dayFromToday(-12), onsiteTo: dayFromToday(-11), onsiteTime: '上午9:00', place: '示例科技有限公司财务室', contactName: '王会计', contactPhone: '0591-87654321', penaltyAddressee: '示例市人力资源和社会保障局' },
    });
    await api('users.create', { username: 'admin', displayName: '管理员', role: 'admin', password: PASSWORD });
    await login('admin');
    for (const [username, displayName, role] of [
      ['zhangming', '张明', 'auditor'],
      ['wangke', '王科长', 'section-head'],
      ['chenda', '陈档案', 'archivist'],
    ] as const) {
      await api('users.create', { username, displayName, role, password: ONE_TIME_PASSWORD });
      oneTime.add(username);
    }
    await login('zhangming');
    await api('workflow.recordService', { caseId, documentId: notice.id, servedOn: served, manner: '直接送达', recipient: '王会计（财务部）' });
    await go('notified');
    await go('onsite');
    await api('evidence.add', { caseId, fileName: '工资台账照片.jpg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]), description: '财务室工资台账（2024年3月）', kind: 'photo' });
    await go('summarised');
    await login('wangke');
    await api('approvals.approve', { caseId, asOf: '2025-03-31' });
    await issue('audit-opinion', { issueDate: dayFromToday(-10), asOf: '2025-03-31' });
    await login('zhangming');
    await go('concluded');
    await login('wangke');
    await issue('rectification-notice', { issueDate: dayFromToday(-10), asOf: '2025-03-31', deadline: dayFromToday(-2) });
    await login('zhangming');
    await go('rectifying');
    await login('wangke');
    await issue('penalty-referral', { issueDate: dayFromToday(0), asOf: '2025-03-31', checkedOn: dayFromToday(0), nonCompliance: ['逾期未补缴社会保险费'] });

    // the auditor is told why he may not archive
    await login('zhangming');
    await page.goto(new URL(`#/cases/${caseId}`, session.harness.url).href);
    await page.reload();
    const archiveButton = page.getByRole('button', { name: /^归\s*档$/ });
    await expect.poll(() => page.getByTestId('archive-reason').innerText()).toContain('档案管理员');
    expect(await archiveButton.isDisabled()).toBe(true);
    await shot('01-auditor-may-not-archive');

    // the archivist archives: the dialog lists the dossier's contents
    await login('chenda');
    await page.reload();
    await expect.poll(() => archiveButton.isEnabled()).toBe(true);
    await archiveButton.click();
    const dialog = page.getByRole('dialog', { name: '归档稽核案件' });
    const contents = dialog.getByTestId('dossier-contents');
    await contents.waitFor();
    const listed = await contents.innerText();
    for (const words of ['案卷封面', '已签发的稽核文书 4 件', '稽核意见书', '补缴明细表和稽核工作底稿', '原始文件 2 个', '证据材料 1 个', '审计记录', 'manifest.json']) expect(listed).toContain(words);
    await shot('02-archive-confirm');
    await dialog.getByRole('button', { name: '确认归档' }).click();
    const banner = page.getByTestId('archived-banner');
    await banner.waitFor({ timeout: 60_000 });
    const bannerText = await banner.innerText();
    expect(bannerText).toContain('已归档（只读）');
    expect(bannerText).toMatch(/档号 \d{4}-0001/);
    await shot('03-archived');

    // 下载档案: the stored ZIP, byte for byte, verifies offline
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: '下载档案' }).click()]);
    const file = await download.path();
    const zip = new Uint8Array(readFileSync(file));
    expect(download.suggestedFilename()).toMatch(/^稽核档案_\d{4}-0001_.+\.zip$/);
    const check = verifyDossier(zip);
    expect(check.problems).toEqual([]);
    expect(bannerText).toContain(sha256Hex(zip));
    const roles = check.manifest!.files.map((f) => f.role);
    for (const role of ['cover', 'index', 'notes', 'document', 'working-paper', 'source', 'evidence', 'trail']) expect(roles, role).toContain(role);
    expect(roles.filter((r) => r === 'working-paper').length).toBe(2);
    expect(JSON.parse(strFromU8(unzipSync(zip)['manifest.json']!)).case.state).toBe('archived');
    // and the case is read-only: the API refuses a change
    await login('zhangming');
    await expect(session.api('evidence.add', { caseId, fileName: 'x.jpg', data: new Uint8Array([1]), description: '补充', kind: 'photo' })).rejects.toThrow(/已归档/);
  });

  it('exports the case from the 案件交换 dialog, and importing the package again changes nothing', async () => {
    const { page } = session;
    await page.goto(new URL('#/cases', session.harness.url).href);
    await page.getByRole('button', { name: '案件交换' }).click();
    const dialog = page.getByRole('dialog', { name: /案件交换/ });
    await dialog.locator('.ant-table-row').first().locator('input[type=checkbox]').check();
    await shot('04-transfer-export');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /导出交换包（1 个案件）/ }).click()]);
    const pkgFile = await download.path();
    expect(download.suggestedFilename()).toMatch(/^案件交换包_1件_\d+\.jhpkg$/);
    // Sealed: no ZIP header in clear; the harness took JIHE_PASSPHRASE as the package passphrase.
    const sealed = readFileSync(pkgFile);
    expect(sealed.subarray(0, 8).toString('latin1')).toBe('JIHESEAL');
    expect(sealed.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
    const files = unzipSync(new Uint8Array(unseal(sealed, process.env.JIHE_PASSPHRASE!)));
    expect(JSON.parse(strFromU8(files['transfer.json']!)).cases).toHaveLength(1);

    // only a section head or an archivist takes a package in (issue 8)
    await login('chenda');
    await dialog.getByRole('tab', { name: '导入交换包' }).click();
    await dialog.locator('input[type=file]').setInputFiles(pkgFile);
    const result = dialog.getByTestId('transfer-result');
    await result.waitFor({ timeout: 60_000 });
    const text = await result.innerText();
    expect(text).toContain('新建 0 个，更新 0 个，无变化 1 个，冲突 0 个');
    expect(text).toContain('与本机完全相同');
    await shot('05-transfer-import-unchanged');
    expect(session.consoleErrors).toEqual([]);
  });
});
