// `npm run harness -- --data DIR [--port N]`: serves the built UI and the real backend on
// 127.0.0.1 so the app can be tried in any browser without Electron.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness, type Harness } from './server';
import { ancestorPids, whenAnyExits } from './parentWatch';
import { PASSPHRASE_ENV } from '../services/db/dbKey';

const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string', default: '0' }, renderer: { type: 'string' } },
});
if (!values.data) {
  console.error('用法：npm run harness -- --data <数据目录> [--port <端口>] [--renderer <界面目录>]');
  process.exit(2);
}
if (!process.env[PASSPHRASE_ENV]) {
  console.error(`数据库是加密的，需要口令：请设置环境变量 ${PASSPHRASE_ENV}`);
  process.exit(2);
}
// The database, backups and everything else written here are the user's alone.
process.umask(0o077);
let harness: Harness;
try {
  harness = await startHarness({
    dataDir: path.resolve(values.data),
    port: Number(values.port),
    ...(values.renderer ? { rendererDir: path.resolve(values.renderer) } : {}),
  });
} catch (e) {
  // One line, not a stack trace: most often the UI is not built yet (npm run build:renderer).
  console.error(`无法启动测试宿主：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
console.log(`稽核工作站（测试宿主）已启动：${harness.url}（进程号 ${process.pid}）`);
console.log('按 Ctrl+C 退出');
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
// npm → sh → tsx → this process: stopped through any of them, the server stops too.
whenAnyExits(ancestorPids(3), stop);
