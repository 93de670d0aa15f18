// `npm run harness -- --data DIR [--port N]`: serves the built UI and the real backend on
// 127.0.0.1 so the app can be tried in any browser without Electron.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server';
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
const harness = await startHarness({
  dataDir: path.resolve(values.data),
  port: Number(values.port),
  ...(values.renderer ? { rendererDir: path.resolve(values.renderer) } : {}),
});
console.log(`稽核工作站（测试宿主）已启动：${harness.url}`);
console.log('按 Ctrl+C 退出');
const stop = () => {
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
