// `jihe demo --out DIR` also writes the sample case's dossier (issue 5, "done when"): the ZIP
// passes `jihe dossier verify`, and fails naming the file after any one byte of ANY file is
// changed, any one file is removed, or a file is added — every file of the ZIP is tried.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { unseal } from '../../electron/services/crypto/sealedFile';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDossier } from '../../electron/services/dossier/index';
import { MANIFEST_PATH, ManifestSchema } from '../../shared/dossier/manifest';
import type { DemoOutput } from '../../electron/cli/demoCommand';
import { ROOT } from './db-helpers';

let dir: string;
let zip: Uint8Array;
let out: DemoOutput;
const jihe = (args: string[]) => spawnSync('npx', ['--no-install', 'jihe', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
const rezip = (files: Record<string, Uint8Array>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }]])));

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jihe-demo-dossier-'));
  // --data keeps the demo's encrypted data folder (issue 8): inspected by the last test.
  const r = jihe(['demo', '--out', dir, '--data', path.join(dir, 'data')]);
  expect(r.status, r.stderr).toBe(0);
  out = JSON.parse(readFileSync(path.join(dir, 'documents.json'), 'utf8')) as DemoOutput;
  expect(r.stdout).toContain(out.dossier!.file);
  zip = new Uint8Array(readFileSync(path.join(dir, out.dossier!.file)));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo case dossier', () => {
  it('keeps the encrypted data folder with --data: database, a backup and the sealed package, and dossier export reads it with JIHE_PASSPHRASE', () => {
    const data = path.join(dir, 'data');
    const dbFile = path.join(data, 'jihe.sqlite');
    expect(readFileSync(dbFile).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const raw = new Database(dbFile, { readonly: true });
    expect(() => raw.prepare('SELECT count(*) FROM cases').get()).toThrow('file is not a database');
    raw.close();
    expect(statSync(dbFile).mode & 0o777).toBe(0o600);
    const backups = readdirSync(path.join(data, 'backups')).filter((f) => f.endsWith('.sqlite'));
    expect(backups.length).toBeGreaterThanOrEqual(1);
    for (const f of backups) expect(readFileSync(path.join(data, 'backups', f)).subarray(0, 16).toString('latin1'), f).not.toBe('SQLite format 3\0');
    const pkgName = readdirSync(data).find((f) => f.endsWith('.jhpkg'))!;
    const pkg = readFileSync(path.join(data, pkgName));
    expect(pkg.subarray(0, 8).toString('latin1')).toBe('JIHESEAL');
    expect(statSync(path.join(data, pkgName)).mode & 0o777).toBe(0o600);
    expect(unzipSync(new Uint8Array(unseal(pkg, process.env.JIHE_PASSPHRASE!)))['transfer.json']).toBeDefined();

    const again = path.join(dir, 'again.zip');
    const r = jihe(['dossier', 'export', '--data', data, '--case', '稽〔2025〕1号', '--out', again]);
    expect(r.status, r.stderr).toBe(0);
    expect(verifyDossier(new Uint8Array(readFileSync(again))).ok).toBe(true);
  });

  it('passes jihe dossier verify and holds the archived sample case', () => {
    const r = jihe(['dossier', 'verify', path.join(dir, out.dossier!.file)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('核验通过');
    const m = ManifestSchema.parse(JSON.parse(strFromU8(unzipSync(zip)[MANIFEST_PATH]!)));
    expect(m.case).toMatchObject({ number: '稽〔2025〕1号', state: 'archived' });
    expect(m.files.length).toBe(out.dossier!.files);
    // every document of the sample case (not the second, clean employer's notice) as written by the demo
    const sampleDocs = out.documents.filter((d) => d.kind !== 'no-violation-notice');
    expect(m.files.filter((f) => f.role === 'document').length).toBe(sampleDocs.length);
    for (const d of sampleDocs) {
      const inZip = m.files.find((f) => f.role === 'document' && f.title === d.title)!;
      expect(inZip.sha256, d.title).toBe(verifyDossier(zip).manifest!.files.find((f) => f.path === inZip.path)!.sha256);
      expect(unzipSync(zip)[inZip.path], d.title).toEqual(new Uint8Array(readFileSync(path.join(dir, d.file))));
    }
    expect(m.files.filter((f) => f.role === 'working-paper').map((f) => f.title)).toEqual(['补缴明细表', '稽核工作底稿']);
    expect(m.files.filter((f) => f.role === 'source').map((f) => f.title)).toEqual(['工资表2024.xlsx', '缴费申报明细2024.csv']);
  });

  it('fails naming the file after one byte of any file is changed, any file removed, or one added', () => {
    const files = unzipSync(zip);
    const names = Object.keys(files).filter((n) => !n.endsWith('/'));
    expect(names.length).toBe(out.dossier!.files + 2); // the files, manifest.json and signature.json
    for (const name of names) {
      for (const at of [0, Math.floor(files[name]!.byteLength / 2), files[name]!.byteLength - 1]) {
        const changed = { ...files, [name]: files[name]!.slice() };
        changed[name]![at] = changed[name]![at]! ^ 0x01;
        const check = verifyDossier(rezip(changed));
        expect(check.ok, `${name}@${at}`).toBe(false);
        // a changed manifest shows as the entry whose record no longer matches, or as an unreadable manifest
        const named = check.problems.some((p) => p.file === name || (name === MANIFEST_PATH && p.message.includes(MANIFEST_PATH)));
        expect(named, `${name}@${at}: ${JSON.stringify(check.problems)}`).toBe(true);
      }
      const removed = { ...files };
      delete removed[name];
      const check = verifyDossier(rezip(removed));
      expect(check.ok, name).toBe(false);
      expect(check.problems.some((p) => p.file === name && (p.kind === 'missing' || p.kind === 'signature' || name === MANIFEST_PATH)), name).toBe(true);
    }
    const added = verifyDossier(rezip({ ...files, '文书/99_补充.pdf': strToU8('%PDF-1.4') }));
    expect(added.problems).toEqual([expect.objectContaining({ file: '文书/99_补充.pdf', kind: 'extra' })]);
  });

  it('the jihe bin names a changed, a missing and an added file, exiting 1', () => {
    const files = unzipSync(zip);
    const m = ManifestSchema.parse(JSON.parse(strFromU8(files[MANIFEST_PATH]!)));
    const xlsx = m.files.find((f) => f.role === 'working-paper')!.path;
    const source = m.files.find((f) => f.role === 'source')!.path;
    const changed = { ...files, [xlsx]: files[xlsx]!.slice() };
    changed[xlsx]![100] = changed[xlsx]![100]! ^ 0x80;
    delete changed[source];
    changed['多出的文件.txt'] = strToU8('x');
    const bad = path.join(dir, '被改动的档案.zip');
    writeFileSync(bad, rezip(changed));
    const r = jihe(['dossier', 'verify', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${xlsx}：工作底稿`);
    expect(r.stderr).toContain('已被改动');
    expect(r.stderr).toContain(`${source}：缺少清单所列的原始文件`);
    expect(r.stderr).toContain('多出的文件.txt：清单中没有此文件');
  });
});
