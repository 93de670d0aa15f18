// Builds better-sqlite3-multiple-ciphers (better-sqlite3's API over SQLite3 Multiple Ciphers, the
// encrypted database of ARCHITECTURE.md §8) for Electron's ABI into
// .native/electron-<version>-mc/better_sqlite3.node (ARCHITECTURE.md §3). The "-mc" keeps a build
// of plain better-sqlite3 left from before from ever being loaded: it would ignore the key and
// write a plain database. node_modules/better-sqlite3-multiple-ciphers keeps its Node build for the tests and the
// CLI and is never touched: the package is copied to a temporary folder and built there, first
// with prebuild-install (a published prebuilt binary) and then with node-gyp against Electron's
// headers. Both need the network; once built, the file is reused until Electron changes.
// Usage: node scripts/native-electron.mjs [--force]
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The same layout electron/main/nativeBinding.ts reads. */
export function nativeModulePath(projectRoot, electronVersion) {
  return path.join(projectRoot, '.native', `electron-${electronVersion}-mc`, 'better_sqlite3.node');
}

export function installedElectron(projectRoot = root) {
  const dir = path.join(projectRoot, 'node_modules', 'electron');
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const abi = readFileSync(path.join(dir, 'abi_version'), 'utf8').trim();
  return { version, abi };
}

/**
 * A V8-API addon exports node_register_module_v<ABI>; finding Electron's ABI number in the file
 * tells an Electron build from a Node build without loading it (Node could not load it anyway).
 */
export async function isBuiltForAbi(file, abi) {
  try {
    if ((await stat(file)).size === 0) return false;
    return (await readFile(file)).includes(Buffer.from(`node_register_module_v${abi}\0`));
  } catch {
    return false;
  }
}

/** npm passes its config to children as npm_config_*; these would point node-gyp at Node. */
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

function run(label, args, cwd) {
  console.log(`[native] ${label}`);
  const result = spawnSync(process.execPath, args, { cwd, env: buildEnv(), stdio: 'inherit' });
  return result.status === 0;
}

export async function ensureElectronNative({ projectRoot = root, force = false } = {}) {
  const { version, abi } = installedElectron(projectRoot);
  const target = nativeModulePath(projectRoot, version);
  if (!force && (await isBuiltForAbi(target, abi))) return { path: target, built: false };

  const source = path.join(projectRoot, 'node_modules', 'better-sqlite3-multiple-ciphers');
  const work = await mkdtemp(path.join(os.tmpdir(), 'jihe-bsql-electron-'));
  try {
    for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
      await cp(path.join(source, entry), path.join(work, entry), { recursive: true });
    }
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    const common = [`--runtime=electron`, `--target=${version}`, `--arch=${process.arch}`];
    const prebuilt = run(
      `prebuild-install for Electron ${version} (ABI ${abi})`,
      [require.resolve('prebuild-install/bin.js'), ...common, `--platform=${process.platform}`],
      work,
    );
    if (!prebuilt || !(await isBuiltForAbi(built, abi))) {
      const headers = process.env.JIHE_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
      run(
        `node-gyp rebuild against Electron ${version} headers from ${headers}`,
        [nodeGypBin(), 'rebuild', '--release', ...common, `--dist-url=${headers}`],
        work,
      );
    }
    if (!(await isBuiltForAbi(built, abi))) {
      throw new Error(
        `无法为 Electron ${version} 构建数据库组件 better-sqlite3-multiple-ciphers：需要联网下载预编译文件或 Electron 头文件，并需要 C++ 编译工具。\n` +
          `Could not build better-sqlite3-multiple-ciphers for Electron ${version} (ABI ${abi}): this needs network access ` +
          '(a prebuilt binary, or Electron headers — set JIHE_ELECTRON_HEADERS_URL for a mirror) and a C++ toolchain.',
      );
    }
    await mkdir(path.dirname(target), { recursive: true });
    await cp(built, `${target}.partial`);
    await rename(`${target}.partial`, target);
    await removeOtherVersions(path.dirname(path.dirname(target)), path.basename(path.dirname(target)));
    return { path: target, built: true };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function nodeGypBin() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) return process.env.npm_config_node_gyp;
    throw new Error('node-gyp not found / 找不到 node-gyp');
  }
}

/** Builds for Electron versions no longer installed (or of plain better-sqlite3) would only be packaged by mistake. */
async function removeOtherVersions(nativeDir, keep) {
  for (const name of await readdir(nativeDir)) {
    if (name.startsWith('electron-') && name !== keep) await rm(path.join(nativeDir, name), { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const result = await ensureElectronNative({ force: process.argv.includes('--force') });
    console.log(`[native] ${result.built ? 'built' : 'up to date'}: ${path.relative(root, result.path)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
