// `jihe dossier` arguments (issue 10): --help answers in Chinese for both subcommands, an unknown
// option is named in Chinese, and a mistyped --data is refused without creating a database there.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierCommand } from '../../electron/cli/dossierCommand';
import { tempDir } from './db-helpers';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await dossierCommand(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('jihe dossier arguments', () => {
  it('answers --help of export and verify with the Chinese usage', async () => {
    for (const args of [['export', '--help'], ['verify', '--help'], ['verify', '-h']]) {
      const r = await run(args);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('jihe dossier export --data 数据目录 --case 案件编号 --out 档案.zip');
    }
  });

  it('names an unknown option in Chinese', async () => {
    const r = await run(['export', '--dta', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('错误：未知的选项“--dta”');
  });

  it('refuses a --data folder without a workstation database, and creates nothing there', async () => {
    const tmp = tempDir('jihe-dossier-args-');
    try {
      const typo = path.join(tmp.dir, 'jihe-dta');
      const r = await run(['export', '--data', typo, '--case', '1', '--out', path.join(tmp.dir, 'x.zip')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`错误：“${typo}”不是工作站的数据目录（其中没有 jihe.sqlite），请检查 --data\n`);
      expect(existsSync(typo)).toBe(false);
      mkdirSync(typo);
      expect((await run(['export', '--data', typo, '--case', '1', '--out', path.join(tmp.dir, 'x.zip')])).code).toBe(1);
      expect(existsSync(path.join(typo, 'jihe.sqlite'))).toBe(false);
    } finally {
      tmp.cleanup();
    }
  });

  it('verify refuses a mistyped --data instead of trusting an empty new workstation made there', async () => {
    const tmp = tempDir('jihe-dossier-args-');
    try {
      const zip = path.join(tmp.dir, '档案.zip');
      writeFileSync(zip, 'not a zip');
      const typo = path.join(tmp.dir, 'jihe-dta');
      const r = await run(['verify', zip, '--data', typo]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`错误：“${typo}”不是工作站的数据目录（其中没有 jihe.sqlite），请检查 --data\n`);
      expect(existsSync(typo)).toBe(false);
    } finally {
      tmp.cleanup();
    }
  });
});
