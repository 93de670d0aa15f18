// `jihe stats --data DIR --month YYYY-MM --out DIR`: writes a workstation's monthly statistics
// (DOMAIN.md §11, seed 004 附表) as XLSX and PDF, computed from the cases in its data folder —
// the same report the 统计报表 page exports. Like `jihe dossier export`: the passphrase from
// JIHE_PASSPHRASE, a folder without the database refused rather than created.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../services/backend';
import { localIsoDate } from '../services/backend/computeCase';
import { exportStatistics, NO_SIGNATURES, statisticsFileName, statisticsReport } from '../services/statistics/statisticsService';
import type { Db } from '../services/db/open';
import { loginForCli } from './accountLogin';
import { openDataFolder } from './dataFolder';
import { EXIT, type CliIo } from './io';

export const STATS_HELP = `用法：
  jihe stats --data 数据目录 --month YYYY-MM --out 输出目录 [--user 用户名]

按工作站数据目录中的案件生成该月的《医保基金监督检查情况统计表》（定点医药机构）和
《参保单位稽核情况统计表》：自当年1月1日起累计到该月末，按地区和本单位合计，另列本月数；
写出 XLSX（每表一个工作表，两行表头）和 PDF（A4 横向，含单位主要负责人、核对人、制表人、
电话签字栏）。数据库是加密的，需要环境变量 JIHE_PASSPHRASE（口令）。

选项：
  --data 目录      工作站的数据目录（其中有 ${DATABASE_FILE}）
  --month YYYY-MM  统计月份
  --out 目录       输出目录（不存在时创建）
  --user 用户名    数据目录已建立用户账户时须登录；密码放在环境变量 JIHE_PASSWORD 中或在终端提示时输入
  -h, --help       显示本说明

退出码：
  0  已写出
  1  数据目录无法打开或写出失败
  2  命令行参数有误
`;

/** Writes the month's XLSX and PDF into outDir; returns the file names. */
export async function writeStatistics(db: Db, month: string, outDir: string, filledOn: string): Promise<{ files: string[]; summary: string }> {
  const report = statisticsReport(db, month);
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const format of ['xlsx', 'pdf'] as const) {
    const name = statisticsFileName(month, format);
    await writeFile(path.join(outDir, name), await exportStatistics(report, format, NO_SIGNATURES, filledOn));
    files.push(name);
  }
  const total = (t: typeof report.employers, key: string) => t.cumulative.find((r) => r.region === null)?.cells[key]?.text ?? '0';
  const summary =
    `${month}（自1月1日累计）：定点医药机构已检查 ${total(report.institutions, 'chkTotal')} 家，检查进度 ${total(report.institutions, 'chkProgress')}%，` +
    `追回医保基金 ${total(report.institutions, 'hRecovered')} 万元；参保单位已稽核 ${total(report.employers, 'audTotal')} 户，` +
    `责令补缴 ${total(report.employers, 'orderedBackPay')} 元，已追缴 ${total(report.employers, 'recoveredBackPay')} 元`;
  return { files, summary };
}

export async function statsCommand(argv: string[], io: CliIo): Promise<number> {
  let values: { data?: string; month?: string; out?: string; user?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { data: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: false }));
  } catch (e) {
    const option = /'([^']+)'/.exec((e as Error).message)?.[1];
    io.stderr(`错误：${option ? `选项“${option}”有误` : (e as Error).message}\n${STATS_HELP}`);
    return EXIT.usage;
  }
  if (values.help) {
    io.stdout(STATS_HELP);
    return EXIT.ok;
  }
  if (!values.data || !values.month || !values.out) {
    io.stderr(`错误：需要 --data、--month 和 --out\n${STATS_HELP}`);
    return EXIT.usage;
  }
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) {
    io.stderr(`错误：统计月份“${values.month}”应写作 YYYY-MM，如 2026-02\n`);
    return EXIT.usage;
  }
  const opened = openDataFolder(values.data, io);
  if ('exit' in opened) return opened.exit;
  const { backend } = opened;
  try {
    // The tables name employers and institutions: read like the 统计报表 page, by a logged-in account.
    const login = await loginForCli(backend, values.user, '生成统计报表');
    if (!login.ok) {
      io.stderr(`错误：${login.message}\n`);
      return login.usage ? EXIT.usage : EXIT.unreadable;
    }
    const out = path.resolve(values.out);
    const { files, summary } = await writeStatistics(backend.db, values.month, out, localIsoDate(new Date()));
    io.stdout(`${summary}\n已写入 ${out}：\n${files.map((f) => `  ${f}`).join('\n')}\n`);
    return EXIT.ok;
  } catch (e) {
    io.stderr(`错误：统计表未能写出：${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.unreadable;
  } finally {
    backend.close();
  }
}
