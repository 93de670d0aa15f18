// `npm start`: build the renderer and the Electron bundles, make sure the Electron-ABI
// better-sqlite3 exists (.native/), then run the app. Arguments after `npm start --` go to the app.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { ensureElectronNative } from './native-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // Under Node, the electron package exports the path of its downloaded binary, and throws
    // when the download was skipped.
    return require('electron');
  } catch {
    console.error(
      [
        '找不到 Electron 程序文件：安装依赖时跳过了下载（例如设置了 ELECTRON_SKIP_BINARY_DOWNLOAD=1）或下载失败。',
        '请在能访问 Electron 下载地址（或设置内部镜像 ELECTRON_MIRROR）的机器上，不设置 ELECTRON_SKIP_BINARY_DOWNLOAD，执行：',
        '  node node_modules/electron/install.js',
        '然后重新运行 npm start。测试（npm test）不需要 Electron 程序文件。',
        '',
        'The Electron binary is missing: it was not downloaded when dependencies were installed',
        '(ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed). With network access, or with',
        'ELECTRON_MIRROR pointing to an internal mirror, and without ELECTRON_SKIP_BINARY_DOWNLOAD set,',
        'run `node node_modules/electron/install.js`, then `npm start` again.',
        '`npm test` does not need the Electron binary.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

function step(label, fn) {
  console.log(`[start] ${label}`);
  return fn();
}

const electron = electronBinary();

step('building the renderer (npm run build:renderer)', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build:renderer'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
});

try {
  await step('bundling electron/main and electron/preload', () => buildElectron());
  const native = await step('checking the Electron build of better-sqlite3', () => ensureElectronNative({ projectRoot: root }));
  console.log(`[start] ${native.built ? 'built' : 'using'} ${path.relative(root, native.path)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE in the environment would start Electron as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('error', (error) => {
  console.error(`无法启动 Electron / could not start Electron: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
