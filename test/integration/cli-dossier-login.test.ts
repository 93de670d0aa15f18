// `jihe dossier export` reads a case's personal data, so once the data folder has user accounts it
// logs in first (issue 8): --user NAME, the password from JIHE_PASSWORD (or a terminal prompt).
// Run through the real bin/jihe.mjs on a data folder with the usual team: no --user, no password,
// a wrong password, an unchanged one-time password and the administrator (who reads no case) are
// each refused in Chinese with a non-zero exit; the auditor exports, and the dossier names him as its exporter.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/services/backend';
import { listAudit } from '../../electron/services/audit/auditLog';
import { verifyDossier } from '../../electron/services/dossier/index';
import type { Case, Employer, RatePlanSummary } from '../../shared/api/dto';
import { createTeam, login, ok, ONE_TIME_PASSWORD, PASSWORD } from './judgments-helpers';
import { ROOT, tempDir } from './db-helpers';

const bin = path.join(ROOT, 'bin/jihe.mjs');
let tmp: ReturnType<typeof tempDir>;
let kase: Case;

function jihe(args: string[], password?: string) {
  const env = { ...process.env };
  delete env.JIHE_PASSWORD;
  if (password !== undefined) env.JIHE_PASSWORD = password;
  // stdin is a pipe, not a terminal: no prompt can be shown
  return spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000, input: '' });
}

beforeAll(async () => {
  tmp = tempDir('jihe-cli-login-');
  const b = createBackend({ dataDir: tmp.dir, runtime: 'harness', actor: 'os-user' });
  try {
    await createTeam(b);
    await login(b, 'zhangming'); // replaces his one-time password with PASSWORD
    const e = ok<Employer>(await b.invoke('employers.create', { name: '示例市某某机械制造有限公司', creditCode: '91350100M000100Y43' }));
    const plan = ok<RatePlanSummary[]>(await b.invoke('ratePlans.list', {})).find((p) => p.name === '示例地区 2024')!;
    kase = ok<Case>(await b.invoke('cases.create', { employerId: e.id, periodFrom: '2024-01', periodTo: '2024-03', ratePlanId: plan.id, source: 'plan' }));
  } finally {
    b.close();
  }
}, 120_000);
afterAll(() => tmp.cleanup());

describe('jihe dossier export with accounts in the data folder', () => {
  const out = () => path.join(tmp.dir, '档案.zip');
  const args = (...extra: string[]) => ['dossier', 'export', '--data', tmp.dir, '--case', kase.number, '--out', out(), ...extra];

  it('refuses without an account, with a wrong or one-time password, and for the administrator', () => {
    const none = jihe(args());
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('数据目录中已建立用户账户，导出稽核档案须登录：请用 --user 给出用户名');

    const noPassword = jihe(args('--user', 'zhangming'));
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toContain('请给出用户 zhangming 的密码：设置环境变量 JIHE_PASSWORD');

    const wrong = jihe(args('--user', 'zhangming'), 'not-his-password');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^错误：登录失败：/);

    const oneTime = jihe(args('--user', 'wangke'), ONE_TIME_PASSWORD);
    expect(oneTime.status).toBe(1);
    expect(oneTime.stderr).toContain('请先在工作站上登录一次并设置自己的密码');

    const admin = jihe(args('--user', 'admin'), PASSWORD);
    expect(admin.status).toBe(1);
    expect(admin.stderr).toContain('管理员');
    expect(existsSync(out())).toBe(false);
  }, 180_000);

  it('exports for an auditor who logs in, and the export is his', () => {
    const r = jihe(args('--user', 'zhangming'), PASSWORD);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已导出案件 ${kase.number}`);
    const check = verifyDossier(new Uint8Array(readFileSync(out())));
    expect(check.ok).toBe(true);
    expect(check.manifest!.exportedBy).toBe('zhangming');
    // his login is in the workstation's trail
    const b = createBackend({ dataDir: tmp.dir, runtime: 'harness' });
    try {
      const logins = listAudit(b.db, null).filter((e) => e.action === 'auth.login').map((e) => e.actor);
      expect(logins.at(-1)).toBe('zhangming');
    } finally {
      b.close();
    }
  }, 120_000);
});

describe('jihe stats with accounts in the data folder', () => {
  const out = () => path.join(tmp.dir, '统计');
  const args = (...extra: string[]) => ['stats', '--data', tmp.dir, '--month', '2026-02', '--out', out(), ...extra];

  it('refuses without an account and writes the report for an auditor who logs in', () => {
    const none = jihe(args());
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('数据目录中已建立用户账户，生成统计报表须登录');
    expect(existsSync(out())).toBe(false);

    const r = jihe(args('--user', 'zhangming'), PASSWORD);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('已写入');
  }, 180_000);
});
