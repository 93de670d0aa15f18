// Opening a workstation's data folder from the command line (`jihe dossier export`, `jihe stats`):
// the passphrase must be set (the database is encrypted) and the folder must already hold the
// database — opening a mistyped --data would otherwise create an empty workstation there and
// answer "nothing found" instead of refusing. Messages are Chinese; the caller closes the backend.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createBackend, DATABASE_FILE, type Backend } from '../services/backend';
import { PASSPHRASE_ENV } from '../services/db/dbKey';
import { EXIT, type CliIo } from './io';

export function openDataFolder(dataDir: string, io: CliIo): { backend: Backend } | { exit: number } {
  if (!process.env[PASSPHRASE_ENV]) {
    io.stderr(`错误：数据目录中的数据库是加密的，需要口令：请设置环境变量 ${PASSPHRASE_ENV}\n`);
    return { exit: EXIT.usage };
  }
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
    io.stderr(`错误：“${dataDir}”不是工作站的数据目录（其中没有 ${DATABASE_FILE}），请检查 --data\n`);
    return { exit: EXIT.unreadable };
  }
  try {
    return { backend: createBackend({ dataDir, runtime: 'harness' }) };
  } catch (e) {
    io.stderr(`错误：无法打开数据目录“${dataDir}”：${e instanceof Error ? e.message : String(e)}\n`);
    return { exit: EXIT.unreadable };
  }
}
