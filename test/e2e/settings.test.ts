// The settings screen (系统设置) in Chromium against the real backend: the agency's name edited
// (a bad postcode refused at its field) and then printed on a newly generated audit notice; a bad
// rate plan file refused with its Chinese field errors; a backup made and restored, taking the
// database back to before a case that was created afterwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './session';

const NEW_NAME = '某某市医疗保障局';

/** YYYY-MM-DD `days` from today, local time. */
function isoDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jihe-e2e-pdf-'));
  try {
    const file = path.join(dir, 'notice.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('settings in Chromium', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('edits the agency profile, and the next notice carries the new name', async () => {
    const { page, api, shot } = session;
    await page.goto(new URL('#/settings', session.harness.url).href);
    const form = page.locator('[data-testid="agency-profile"]');
    await expect.poll(() => page.locator('#agency_name').inputValue(), { timeout: 10_000 }).toBe('示例市医疗保障局');
    await shot('settings-01-agency');

    await page.locator('#agency_name').fill(NEW_NAME);
    await page.locator('#agency_postcode').fill('3500');
    await form.getByRole('button', { name: '保存单位信息' }).click();
    const postcodeError = page.locator('#agency_postcode_help');
    await postcodeError.waitFor();
    expect(await postcodeError.innerText()).toBe('邮政编码应为6位数字');
    await shot('settings-02-agency-field-error');
    // Nothing was stored.
    expect((await api<{ name: string }>('agency.get', {})).name).toBe('示例市医疗保障局');

    await page.locator('#agency_postcode').fill('350001');
    await page.getByRole('textbox', { name: '稽核通知书法律依据' }).fill('《中华人民共和国社会保险法》第五十八条\n《社会保险稽核办法》第八条');
    await form.getByRole('button', { name: '保存单位信息' }).click();
    await page.getByText('单位信息已保存').waitFor();
    await expect.poll(async () => (await api<{ name: string; postcode: string; legalBasis: Record<string, string[]> }>('agency.get', {})).name).toBe(NEW_NAME);
    const saved = await api<{ postcode: string; legalBasis: Record<string, string[]> }>('agency.get', {});
    expect(saved.postcode).toBe('350001');
    expect(saved.legalBasis['audit-notice']).toEqual(['《中华人民共和国社会保险法》第五十八条', '《社会保险稽核办法》第八条']);
    await shot('settings-03-agency-saved');

    // 导出配置 downloads the profile file; 导入配置 loads one (as another workstation would).
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: '导出配置' }).click()]);
    expect(download.suggestedFilename()).toBe(`机关信息_${NEW_NAME}.json`);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; profile: { name: string; contact: string } };
    expect(exported).toMatchObject({ format: 'jihe-agency-profile', profile: { name: NEW_NAME, postcode: '350001' } });
    const fromOffice = { ...exported, profile: { ...exported.profile, contact: '稽核一科' } };
    await form.locator('input[type=file]').setInputFiles({ name: '机关信息.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fromOffice), 'utf8') });
    await expect.poll(() => page.locator('#agency_contact').inputValue()).toBe('稽核一科');
    expect((await api<{ contact: string }>('agency.get', {})).contact).toBe('稽核一科');

    // A notice generated now is issued in the new name.
    const employer = await api<{ id: number }>('employers.create', { name: '示例贸易有限公司', creditCode: '91110000600037341L' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    const c = await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-06', ratePlanId: plan.id, source: 'plan' });
    const doc = await api<{ id: number }>('documents.generateNotice', {
      caseId: c.id,
      onsiteDate: isoDay(10),
      onsiteTime: '上午9:00',
      place: '被稽核单位财务室',
      auditors: [
        { name: '张明', credentialNo: '示稽00123' },
        { name: '李华', credentialNo: '示稽00456' },
      ],
      contactName: '王芳',
      contactPhone: '0591-12345678',
      issueDate: isoDay(0),
    });
    const pdf = await api<{ data: Uint8Array }>('documents.pdf', { documentId: doc.id });
    const text = pdfText(pdf.data);
    expect(text).toContain(NEW_NAME);
    expect(text).not.toContain('示例市医疗保障局');
    expect(text).toContain('《中华人民共和国社会保险法》第五十八条');
    expect(session.consoleErrors).toEqual([]);
  });

  it('lists the rate plans, shows one, and refuses a bad plan file with the Chinese field errors', async () => {
    const { page, shot } = session;
    await page.getByRole('tab', { name: '缴费政策' }).click();
    const panel = page.locator('[data-testid="rate-plans"]');
    const row = panel.locator('.ant-table-row').filter({ hasText: '示例地区 2024' });
    await row.waitFor();
    expect(await row.locator('.ant-tag').innerText()).toBe('示例');
    // The late-fee rule in the list, from the plan itself (0.0005 a day → 0.05%).
    const planJson = await session.api<{ plan: { lateFeeDailyRate: number; lateFeeCap: string } }>('ratePlans.get', { ratePlanId: (await session.api<{ id: number; name: string }[]>('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!.id });
    expect(planJson.plan.lateFeeDailyRate).toBe(0.0005);
    expect(await row.innerText()).toContain(`每日 0.05%，${planJson.plan.lateFeeCap === 'principal' ? '不超过欠缴本金' : '不设上限'}`);
    // Expanded, the row shows each period's insurances.
    await row.locator('.ant-table-row-expand-icon').click();
    const expanded = panel.locator('.ant-table-expanded-row').first();
    await expanded.waitFor();
    expect(await expanded.innerText()).toMatch(/基本养老保险\s+\d+(\.\d+)?%/);
    await shot('settings-04-rate-plans');

    await row.getByRole('button', { name: '查看' }).click();
    const detail = page.locator('[data-testid="rate-plan-detail"]');
    await detail.waitFor();
    const pension = detail.locator('.ant-table-row').filter({ hasText: '养老' }).first();
    const cells = await pension.locator('td').allInnerTexts();
    expect(cells[1]).toMatch(/^\d+(\.\d+)?%$/);
    expect(cells[3]).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
    await shot('settings-05-rate-plan-detail');
    await page.locator('.ant-drawer-close').click();
    await detail.waitFor({ state: 'detached' });

    const bad = {
      name: '某某市 2025',
      region: '某某市',
      lateFeeDailyRate: 0.0005,
      lateFeeCap: 'none',
      due: { monthOffset: 0, day: 15 },
      baseRule: { kind: 'annual', yearStartMonth: 3 },
      periods: [{ from: '2025-01', to: '2025-12', insurances: [{ code: 'pension', name: '养老保险', employerRate: 16, employeeRate: 0.08, floor: 4000, ceiling: 3000 }] }],
    };
    await panel.locator('input[type=file]').setInputFiles({ name: '某某市2025.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad, null, 2), 'utf8') });
    const alert = page.locator('[data-testid="rate-plan-import-error"]');
    await alert.waitFor();
    const alertText = await alert.innerText();
    expect(alertText).toContain('某某市2025.json 未导入');
    expect(alertText).toContain('年度起始月只能是 1 或 7');
    expect(alertText).toContain('费率不能超过 1（100%）');
    expect(alertText).toContain('缴费基数上限不能低于下限');
    await shot('settings-06-rate-plan-refused');
    expect(await panel.locator('.ant-table-row').filter({ hasText: '某某市 2025' }).count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('makes a backup and restores it: the case created afterwards is gone', async () => {
    const { page, api, shot } = session;
    await page.getByRole('tab', { name: '数据备份' }).click();
    const panel = page.locator('[data-testid="backups"]');
    const rows = panel.locator('.ant-table-row');
    // The harness's backend made its daily backup a few seconds after start.
    const listed = async () => (await api<{ backups: unknown[] }>('backups.list', {})).backups.length;
    await expect.poll(listed, { timeout: 15_000 }).toBeGreaterThan(0);
    const existing = await listed();
    await panel.getByRole('button', { name: '立即备份' }).click();
    await page.getByText(/^已备份：jihe-\d{8}-\d{6}/).waitFor();
    await expect.poll(() => rows.count()).toBe(existing + 1);
    expect(await rows.first().innerText()).toContain('手动备份');
    await shot('settings-07-backup-made');

    // The retention policy, changed from the panel.
    await panel.getByRole('button', { name: '修改' }).click();
    const retention = page.locator('[data-testid="retention-form"]');
    await retention.getByRole('spinbutton', { name: '保留最近份数' }).fill('20');
    await retention.getByRole('button', { name: '保存并清理' }).click();
    await page.getByText('已设置：保留最近 20 份及近 12 个月每月第一份').waitFor();
    expect((await api<{ retention: { keepRecent: number } }>('backups.list', {})).retention.keepRecent).toBe(20);

    // Work after the backup, which the restore must take away.
    const before = await api<{ id: number; number: string }[]>('cases.list', {});
    const employer = await api<{ id: number }>('employers.create', { name: '示例后来制造有限公司', creditCode: '91350100M000100Y43' });
    const plan = (await api<{ id: number; name: string }[]>('ratePlans.list', {}))[0]!;
    const later = await api<{ id: number }>('cases.create', { employerId: employer.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'tip-off' });
    expect(await api<unknown[]>('cases.list', {})).toHaveLength(before.length + 1);

    await rows.first().getByRole('button', { name: '恢复' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('恢复前先自动备份当前数据库');
    await shot('settings-08-restore-confirm');
    await confirm.getByRole('button', { name: /^恢\s*复$/ }).click();
    await page.getByText(/^已恢复到 .* 的备份；恢复前的数据库已备份为 jihe-/).waitFor();
    await expect.poll(() => rows.count()).toBe(existing + 2);
    expect(await rows.first().innerText()).toContain('恢复前的自动备份');
    await shot('settings-09-restored');

    const after = await api<{ id: number; number: string }[]>('cases.list', {});
    expect(after.map((c) => c.number)).toEqual(before.map((c) => c.number));
    expect(after.some((c) => c.id === later.id)).toBe(false);
    expect((await api<{ name: string }[]>('employers.list', {})).map((e) => e.name)).not.toContain('示例后来制造有限公司');
    // The agency profile saved before the backup is still there.
    expect((await api<{ name: string }>('agency.get', {})).name).toBe(NEW_NAME);
    expect(session.consoleErrors).toEqual([]);
  });
});
