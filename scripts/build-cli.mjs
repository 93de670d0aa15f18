// Bundles the `jihe` command line with esbuild so that it starts without compiling TypeScript
// (issue 16: `jihe --help` took 3.4 s under tsx): electron/cli/main.ts → dist/cli/jihe.mjs (an
// ES module; the npm packages stay in node_modules and load only when a command needs them),
// and the import worker → dist/cli/importWorker.cjs beside it, where parseInWorker.ts looks for
// it (the same build as the Electron bundle's worker). Both are written to temporary names and
// renamed, so a command starting while another builds never reads half a file.
// Run by `npm ci` / `npm install` (the `prepare` script) and by bin/jihe.mjs whenever the
// bundle is missing or older than a source file. Usage: node scripts/build-cli.mjs
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = path.join(root, 'dist', 'cli');
export const CLI_BUNDLE = path.join(CLI_OUT_DIR, 'jihe.mjs');
/** What the bundle is built from: a newer file here makes bin/jihe.mjs rebuild it. */
export const CLI_SOURCE_DIRS = ['electron', 'shared'].map((d) => path.join(root, d));

/** Native or data-file packages the worker bundle leaves to node_modules (as build-electron.mjs does). */
const WORKER_EXTERNAL = ['electron', 'better-sqlite3-multiple-ciphers', 'pdfmake', 'pdfkit'];

export async function buildCli({ outDir = CLI_OUT_DIR } = {}) {
  const esbuild = await import('esbuild');
  const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', write: false, logLevel: 'warning', legalComments: 'none', sourcemap: false, minify: false };
  const [cli, worker] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { jihe: 'electron/cli/main.ts' },
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      // Each command a chunk of its own (run.ts imports them when they run), so that its
      // packages load only then: `jihe --help` loads almost nothing. The chunks sit beside the
      // entry: the services find the project root and the worker from import.meta.url.
      splitting: true,
      chunkNames: '[name]-[hash]',
      format: 'esm',
      packages: 'external',
      banner: { js: '// Built by scripts/build-cli.mjs from electron/cli; do not edit.' },
    }),
    esbuild.build({
      ...common,
      entryPoints: ['electron/services/jobs/importWorker.ts'],
      outfile: path.join(outDir, 'importWorker.cjs'),
      format: 'cjs',
      external: WORKER_EXTERNAL,
      inject: [path.join(root, 'scripts', 'import-meta-url-shim.mjs')],
      define: { 'import.meta.url': 'importMetaUrl' },
    }),
  ]);
  await mkdir(outDir, { recursive: true });
  const tag = `.${process.pid}.tmp`;
  // The worker and the chunks (named by their content) first, the entry last: an entry that
  // exists always finds what it imports.
  const entry = path.join(outDir, 'jihe.mjs');
  const files = [...worker.outputFiles, ...cli.outputFiles.filter((f) => f.path !== entry), ...cli.outputFiles.filter((f) => f.path === entry)];
  for (const f of files) {
    await writeFile(f.path + tag, f.contents);
    await rename(f.path + tag, f.path);
  }
  // Chunks of earlier builds (their names carry a content hash) are no longer imported.
  const current = new Set(files.map((f) => path.basename(f.path)));
  for (const name of await readdir(outDir)) if (/-[A-Z0-9]{8}\.mjs$/.test(name) && !current.has(name)) await rm(path.join(outDir, name), { force: true });
  return { cli: path.join(outDir, 'jihe.mjs'), worker: path.join(outDir, 'importWorker.cjs') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const out = await buildCli();
    console.log(`command line bundle written: ${path.relative(root, out.cli)}, ${path.relative(root, out.worker)}`);
  } catch (error) {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
      // An install without devDependencies: bin/jihe.mjs falls back to running the sources.
      console.log('build-cli: esbuild is not installed; jihe will run from the TypeScript sources');
    } else {
      console.error(`build-cli failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      process.exit(1);
    }
  }
}
