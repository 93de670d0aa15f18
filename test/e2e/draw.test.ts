// The double-random draw in Chromium (DOMAIN.md §10.3): import the inspector directory from an
// annex-4 sheet, register a conflict, set up and run a draw, see its verification, replace a
// withdrawing inspector, print the 抽查记录 (the PDF downloaded and checked), create the planned
// cases and open one with its team. Screenshots at 1440×900.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';
import { verifyDrawRecord } from '../../shared/rules/drawRecord';
import { serialise } from '../fixtures/employerFiles';
import { openSession, SHOTS_DIR, type Session } from './session';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const code = (n: number) => {
  const first = `9141090${String(n).padStart(10, '0')}`;
  return first + creditCodeCheckChar(first);
};
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊'];
const ANNEX4 = serialise(
  [
    {
      name: '检查人员库',
      rows: [
        ['濮阳市医保基金监管检查人员库基本信息表'],
        ['序号', '所在\n地区', '姓名', '性别', '工作\n单位', '专业\n学历', '部门岗位', '职务（职\n称）', '执法\n证号', '执法\n区域', '备注'],
        ...NAMES.map((name, i) => [i + 1, '濮阳市', name, i % 2 ? '女' : '男', '濮阳市医疗保障局', '会计 本科', '基金监管科', '科员', `豫濮医保执${String(i + 1).padStart(4, '0')}`, '濮阳市', null]),
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 10 }],
    },
  ],
  'xlsx',
);

describe('double-random draw in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports inspectors, runs a draw, replaces an inspector, prints the record and opens a drawn case with its team', async () => {
    const { page, api, shot } = session;
    for (let i = 1; i <= 6; i++) await api('employers.create', { name: `濮阳市某某${i}号有限公司`, creditCode: code(i) });

    await page.goto(new URL('#/inspectors', session.harness.url).href);
    await page.getByText('还没有检查人员').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '检查人员库.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(ANNEX4) });
    await page.getByText('已导入检查人员：新增 6 名').waitFor();
    await page.getByRole('cell', { name: '豫濮医保执0006' }).waitFor();
    await page.getByRole('button', { name: /登记回避/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '登记回避关系' });
    await modal.getByLabel('检查人员').click();
    await page.locator('.ant-select-dropdown:visible').getByText('王芳（豫濮医保执0002）').click();
    await modal.getByLabel('检查对象').click();
    await page.locator('.ant-select-dropdown:visible').getByText(`濮阳市某某1号有限公司（${code(1)}）`).click();
    await modal.getByLabel('回避原因').fill('配偶在该单位任财务负责人');
    await modal.getByRole('button', { name: '登 记' }).or(modal.getByRole('button', { name: '登记' })).click();
    await page.getByRole('cell', { name: '配偶在该单位任财务负责人' }).waitFor();
    await shot('draw-01-inspectors');

    await page.goto(new URL('#/draws', session.harness.url).href);
    await page.getByText('还没有抽查记录').waitFor();
    await page.getByLabel('年度').fill('2026');
    await page.getByLabel('随机种子').fill('2026年3月5日 福彩3D第2026058期开奖号码 4 7 1');
    await page.getByLabel('高风险抽取').fill('2');
    await page.getByLabel('中风险').fill('50%');
    for (const i of [1, 2, 3]) {
      await page.getByLabel(`风险等级 ${code(i)}`).click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('高').click();
      // Let the dropdown close before the next one opens (two visible lists would be ambiguous).
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    }
    await shot('draw-02-setup');
    await page.getByRole('button', { name: /抽取（6 个单位参加）/ }).click();
    await page.getByText('核验一致').waitFor();
    await page.waitForURL(/#\/draws\/\d+$/);
    const drawId = Number(/#\/draws\/(\d+)$/.exec(page.url())![1]);
    const before = await api<{ teams: { creditCode: string; team: { credential: string; name: string }[] }[]; record: unknown }>('draws.get', { drawId });
    // 2 of 3 high, ⌈50 × 3 / 100⌉ = 2 of 3 medium.
    expect(before.teams).toHaveLength(4);
    for (const t of before.teams) expect(t.team).toHaveLength(2);
    if (before.teams.some((t) => t.creditCode === code(1))) expect(before.teams.find((t) => t.creditCode === code(1))!.team.map((m) => m.name)).not.toContain('王芳');
    await shot('draw-03-result');

    // The first team's first inspector withdraws.
    const first = before.teams[0]!;
    const member = first.team[0]!;
    await page.locator('.ant-tag', { hasText: member.credential }).getByText('退出').first().click();
    await page.getByLabel('退出原因').fill('与该单位负责人系近亲属，申请回避');
    await page.getByRole('button', { name: '按规则递补' }).click();
    await page.locator('.ant-card', { hasText: '递补记录' }).getByText('与该单位负责人系近亲属，申请回避').waitFor();
    const after = await api<{ teams: { team: { credential: string }[] }[]; record: { replacements: { replacement: string }[] }; verification: { ok: boolean } }>('draws.get', { drawId });
    expect(after.verification.ok).toBe(true);
    expect(after.teams[0]!.team.map((m) => m.credential)).toEqual([after.record.replacements[0]!.replacement, first.team[1]!.credential]);
    expect(verifyDrawRecord(after.record).ok).toBe(true);
    await shot('draw-04-replaced');

    // Print the record: the PDF downloads and mentions the seed's hash.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /打印抽查记录/ }).click()]);
    const pdfDir = mkdtempSync(path.join(os.tmpdir(), 'jihe-draw-pdf-'));
    const pdfFile = path.join(pdfDir, download.suggestedFilename());
    await download.saveAs(pdfFile);
    expect(download.suggestedFilename()).toBe(`抽查记录_2026_${drawId}.pdf`);
    const png = path.join(SHOTS_DIR, 'draw-05-record');
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, png]);
    writeFileSync(path.join(pdfDir, 'ok'), '');

    // Create the planned cases, then open the first and see its team.
    await page.getByRole('button', { name: '创建稽核案件' }).click();
    const cm = page.locator('.ant-modal', { hasText: '为抽中单位创建稽核案件' });
    await cm.getByLabel('稽核期间开始月').fill('2024-01');
    await cm.getByLabel('稽核期间结束月').fill('2024-12');
    await cm.getByLabel('缴费方案').click();
    await page.locator('.ant-select-dropdown:visible').getByText('示例地区 2024').click();
    await cm.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByText('已创建 4 个稽核案件').waitFor();
    await shot('draw-06-cases');
    await page.locator('a', { hasText: /稽/ }).first().click();
    await page.waitForURL(/#\/cases\/\d+$/);
    const bar = page.getByText('检查组（双随机抽取）：');
    await bar.waitFor();
    await page.locator('.ant-alert .ant-tag').first().waitFor();
    const teamText = await page.locator('.ant-alert', { hasText: '检查组（双随机抽取）' }).innerText();
    expect(teamText).toContain(after.record.replacements[0]!.replacement);
    await shot('draw-07-case-team');

    // Publish the results for the portal (XLSX), from the draw's page.
    await page.goBack();
    const [pub] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '公示结果（XLSX）' }).click()]);
    expect(pub.suggestedFilename()).toBe(`抽查结果公示_2026_${drawId}.xlsx`);
    expect(session.consoleErrors).toEqual([]);
  });

  it('shows a tip-off unanswered after 30 days as overdue on the dashboard, and the register keeps the reporter', async () => {
    const { page, api, shot } = session;
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    await api('tipOffs.create', { receivedOn: day(40), channel: 'letter', reporterName: '匿名职工甲', subjectKind: 'employer', subjectCreditCode: code(3), subjectName: '濮阳市某某3号有限公司', allegation: '全部职工按最低基数申报' });
    await api('tipOffs.create', { receivedOn: day(27), channel: 'phone', subjectKind: 'employer', subjectCreditCode: code(4), subjectName: '濮阳市某某4号有限公司', allegation: '试用期职工未参保' });
    await api('tipOffs.create', { receivedOn: day(2), channel: 'online', subjectKind: 'employer', subjectName: '濮阳市某某5号有限公司', allegation: '拖欠社会保险费' });
    await page.goto(new URL('#/cases', session.harness.url).href);
    const card = page.getByLabel('举报答复提醒');
    await card.waitFor();
    await card.getByText('1 件举报已超过 30 日未答复').waitFor();
    await card.getByText('逾期 10 日').waitFor();
    await card.getByText('还剩 3 日').waitFor();
    expect(await card.innerText()).not.toContain('濮阳市某某5号有限公司');
    await shot('draw-08-tipoff-dashboard');
    await page.goto(new URL('#/tipoffs', session.harness.url).href);
    await page.getByRole('cell', { name: '匿名职工甲' }).waitFor();
    await shot('draw-09-tipoffs');
    expect(session.consoleErrors).toEqual([]);
  });
});
