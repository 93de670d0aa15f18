#!/usr/bin/env node
// `npx jihe`: runs the bundled command line, dist/cli/jihe.mjs, which starts without compiling
// any TypeScript (scripts/build-cli.mjs; `npm ci` builds it through the `prepare` script). When
// the bundle is missing or older than a source file under electron/ or shared/ (a checkout being
// worked on), it is rebuilt first, in about a second; where esbuild is not installed, the
// TypeScript sources run under tsx as before.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'jihe.mjs');
const worker = path.join(root, 'dist', 'cli', 'importWorker.cjs');

/** True when some file under dir was changed after `since` (ms). */
function changedSince(dir, since) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs > since) return true;
  }
  return false;
}

function bundleIsFresh() {
  if (!existsSync(bundle) || !existsSync(worker)) return false;
  const built = Math.min(statSync(bundle).mtimeMs, statSync(worker).mtimeMs);
  return !['electron', 'shared'].map((d) => path.join(root, d)).some((d) => existsSync(d) && changedSince(d, built));
}

let entry = bundle;
if (!bundleIsFresh()) {
  try {
    const { buildCli } = await import(pathToFileURL(path.join(root, 'scripts', 'build-cli.mjs')).href);
    await buildCli();
  } catch {
    entry = null;
  }
}
if (entry) await import(pathToFileURL(entry).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/main.ts');
}
