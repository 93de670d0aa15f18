// Bundles the Electron side with esbuild: electron/main → dist/electron/main.cjs (with the
// backend and its pure-JS dependencies inside) and electron/preload → dist/electron/preload.cjs
// (plus unlock.cjs, the passphrase window's preload).
// A sandboxed preload cannot require local files, so it must be one file whose only require is
// 'electron'; this script refuses to finish when that is not so.
// Usage: node scripts/build-electron.mjs [--production]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_OUT_DIR = path.join(root, 'dist', 'electron');

/** Electron 39 runs Node 22 in the main process and Chromium 142 in the renderer. */
const MAIN_TARGET = 'node22';
const PRELOAD_TARGET = 'chrome142';


/**
 * Left to node_modules at run time: electron (the runtime itself); better-sqlite3-multiple-ciphers (native,
 * loaded with an explicit Electron-ABI nativeBinding); pdfmake, because pdfkit inside it reads
 * its own data files (standard-font metrics, the sRGB profile for PDF/A) relative to __dirname,
 * which a bundle would point at dist/electron.
 */
const MAIN_EXTERNAL = ['electron', 'better-sqlite3-multiple-ciphers', 'pdfmake', 'pdfkit'];

/** Only these may be required at run time by the preload: everything else must be bundled. */
const PRELOAD_ALLOWED_REQUIRES = new Set(['electron']);

/** outDir is for tests that build into a scratch folder; the app always uses dist/electron. */
export async function buildElectron({ production = false, outDir = ELECTRON_OUT_DIR } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    sourcemap: production ? false : 'linked',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { main: 'electron/main/index.ts', importWorker: 'electron/services/jobs/importWorker.ts' },
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      target: MAIN_TARGET,
      external: MAIN_EXTERNAL,
      inject: [path.join(root, 'scripts', 'import-meta-url-shim.mjs')],
      define: { ...common.define, 'import.meta.url': 'importMetaUrl' },
    }),
    esbuild.build({
      ...common,
      entryPoints: { preload: 'electron/preload/index.ts', unlock: 'electron/preload/unlock.ts' },
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      // 'browser' so that a Node builtin pulled into the preload fails the build here instead
      // of failing in the sandbox at run time.
      platform: 'browser',
      target: PRELOAD_TARGET,
      external: ['electron'],
    }),
  ]);
  await assertPreloadRequires(path.join(outDir, 'preload.cjs'));
  await assertPreloadRequires(path.join(outDir, 'unlock.cjs'));
  return { main: path.join(outDir, 'main.cjs'), preload: path.join(outDir, 'preload.cjs'), unlockPreload: path.join(outDir, 'unlock.cjs') };
}

async function assertPreloadRequires(file) {
  const text = await readFile(file, 'utf8');
  const required = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  const bad = required.filter((name) => !PRELOAD_ALLOWED_REQUIRES.has(name));
  if (bad.length > 0) {
    throw new Error(`preload.cjs requires ${bad.join(', ')}: a sandboxed preload can only require 'electron'`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const production = process.argv.includes('--production');
  try {
    const out = await buildElectron({ production });
    console.log(`Electron bundles written: ${path.relative(root, out.main)}, ${path.relative(root, out.preload)}`);
  } catch (error) {
    // esbuild has already printed its diagnostics; a stack trace adds nothing.
    console.error(`build-electron failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(1);
  }
}
