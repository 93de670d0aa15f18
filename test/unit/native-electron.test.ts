// The Electron-ABI module is rebuilt only when missing or built for another ABI: the check reads
// the addon's registration symbol, so a Node build in .native/ is never mistaken for Electron's.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectronNative, installedElectron, isBuiltForAbi, nativeModulePath } from '../../scripts/native-electron.mjs';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
const scratch: string[] = [];

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Electron-ABI better-sqlite3', () => {
  it('tells the Node build in node_modules from an Electron build by its ABI', async () => {
    const { abi } = installedElectron(root);
    expect(abi).not.toBe(process.versions.modules);
    expect(await isBuiltForAbi(nodeBuild, process.versions.modules)).toBe(true);
    expect(await isBuiltForAbi(nodeBuild, abi)).toBe(false);
    expect(await isBuiltForAbi(path.join(root, 'no-such-file.node'), abi)).toBe(false);
  });

  it('reuses an existing build for the installed Electron without touching node_modules', async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'jihe-native-'));
    scratch.push(project);
    mkdirSync(path.join(project, 'node_modules'));
    symlinkSync(path.join(root, 'node_modules', 'electron'), path.join(project, 'node_modules', 'electron'));
    const { version, abi } = installedElectron(root);
    const target = nativeModulePath(project, version);
    mkdirSync(path.dirname(target), { recursive: true });
    // Stands in for an Electron build: only the registration symbol matters to the check.
    writeFileSync(target, Buffer.concat([Buffer.from('\x7fELF'), Buffer.from(`node_register_module_v${abi}\0`)]));
    const before = readFileSync(nodeBuild);

    expect(await ensureElectronNative({ projectRoot: project })).toEqual({ path: target, built: false });
    expect(readFileSync(nodeBuild).equals(before)).toBe(true);
  });
});
