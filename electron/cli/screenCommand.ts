// `jihe screen` (INSTITUTIONS.md §6, command-line contract): settlement details and the catalog
// through the same importers the app uses, the rules R01–R11, and the hits as JSON or a Chinese
// summary. Anything that cannot be read ends with exit code 1, every reason (file, sheet, row,
// column) on stderr, and nothing on stdout.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport } from '../../shared/domain/importReport';
import { formatFenGrouped } from '../../shared/rules/money';
import { DEFAULT_SCREENING_PARAMS, parseScreeningParamsText, type ScreeningParams } from '../../shared/rules/screening/params';
import { toScreeningJson } from '../../shared/rules/screening/resultJson';
import { RULE_CODES, RULE_NAMES, screenClaims, type ScreeningResult } from '../../shared/rules/screening/screen';
import { importCatalog } from '../services/import/catalog';
import { importClaims } from '../services/import/claims';
import { describeIssue, errorIssues, refusalReason } from '../services/jobs/importPolicy';
import { SCREEN_HELP } from './help';
import { EXIT, type CliIo } from './io';

class CommandFailure extends Error {
  constructor(
    readonly exitCode: number,
    readonly lines: string[],
  ) {
    super(lines.join('\n'));
  }
}

const MAX_NOTES_SHOWN = 20;

async function readInput(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹，不是文件' : code === 'EACCES' ? '没有读取权限' : (e as Error).message;
    throw new CommandFailure(EXIT.unreadable, [`错误：无法读取${what} ${file}：${reason}`]);
  }
}

/** Refuses a report with any error (all-or-nothing); warnings and refunds are noted on stderr. */
function checkReport(report: ImportReport, rows: number, what: string, io: CliIo): void {
  const refusal = refusalReason(report, false, rows);
  if (refusal) {
    const details = errorIssues(report).map((i) => `  ${describeIssue(i)}`);
    throw new CommandFailure(EXIT.unreadable, [`错误：${refusal}`, ...(details.length > 0 ? ['各处原因：', ...details] : [])]);
  }
  for (const [code, label] of [
    ['warning', '需要核对的情况'],
    ['refund-row', '退费或冲销行（不参与本版规则筛查）'],
  ] as const) {
    const list = report.issues.filter((i) => (code === 'warning' ? i.severity === 'warning' : i.code === code));
    if (list.length === 0) continue;
    const shown = list.slice(0, MAX_NOTES_SHOWN).map((i) => `  ${describeIssue(i)}`);
    if (list.length > MAX_NOTES_SHOWN) shown.push(`  ……另有 ${list.length - MAX_NOTES_SHOWN} 条`);
    io.stderr(`提示：${what} ${report.fileName} 有 ${list.length} 条${label}：\n${shown.join('\n')}\n`);
  }
}

async function loadParams(file: string): Promise<ScreeningParams> {
  const bytes = await readInput(file, '规则参数文件');
  const parsed = parseScreeningParamsText(new TextDecoder('utf-8').decode(bytes));
  if (!parsed.ok) {
    throw new CommandFailure(EXIT.unreadable, [`错误：规则参数文件 ${path.basename(file)} 有误：`, ...parsed.errors.map((e) => `  ${e.path ? `${e.path}：` : ''}${e.message}`)]);
  }
  return parsed.params;
}

function usage(message: string): CommandFailure {
  return new CommandFailure(EXIT.usage, [`错误：${message}`, '用法：jihe screen 结算明细 [更多结算明细…] 目录 [--params 参数文件] [--json]', '详见 jihe screen --help']);
}

export function formatScreeningSummary(result: ScreeningResult): string {
  const lines = [`筛查了 ${result.rowsScreened} 行结算明细（参数版本 ${result.params.version}）${result.refundRows.length > 0 ? `，另有 ${result.refundRows.length} 行退费或冲销未筛查` : ''}`, ''];
  lines.push('规则  名称              疑点数    违规金额（元）    基金损失（元）  待核定');
  for (const code of RULE_CODES) {
    const t = result.totals[code];
    lines.push(`${code}   ${RULE_NAMES[code].padEnd(10, '　')}${String(t.hits).padStart(6)}${formatFenGrouped(t.amount).padStart(18)}${formatFenGrouped(t.fundLoss).padStart(18)}${String(t.pending).padStart(8)}`);
  }
  return lines.join('\n') + '\n';
}

export async function screenCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    let args;
    try {
      args = parseArgs({
        args: argv,
        allowPositionals: true,
        options: { params: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      });
    } catch (e) {
      throw usage((e as Error).message.replace(/^Unknown option '(.+?)'.*$/s, '未知的选项 $1'));
    }
    const { values, positionals } = args;
    if (values.help) {
      io.stdout(SCREEN_HELP);
      return EXIT.ok;
    }
    if (positionals.length < 2) throw usage(`需要结算明细和目录两个文件，实际给了 ${positionals.length} 个`);
    const claimFiles = positionals.slice(0, -1);
    const catalogFile = positionals[positionals.length - 1] as string;

    // Every input is checked before any output, so a bad file never leaves half a result.
    const params = values.params ? await loadParams(values.params) : DEFAULT_SCREENING_PARAMS;
    const catalog = await importCatalog({ bytes: await readInput(catalogFile, '目录'), fileName: path.basename(catalogFile) });
    checkReport(catalog.report, catalog.rows.length, '目录', io);
    const rows = [];
    for (const file of claimFiles) {
      const claims = await importClaims({ bytes: await readInput(file, '结算明细'), fileName: path.basename(file) });
      checkReport(claims.report, claims.rows.length, '结算明细', io);
      // Not push(...rows): a spread of a year's 500,000 rows overflows the call stack.
      for (const row of claims.rows) rows.push(row);
    }
    const result = screenClaims({ rows, catalog: catalog.rows, params });
    if (values.json) io.stdout(JSON.stringify(toScreeningJson(result), null, 2) + '\n');
    else io.stdout(formatScreeningSummary(result));
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommandFailure) {
      io.stderr(e.lines.join('\n') + '\n');
      return e.exitCode;
    }
    io.stderr(`内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.unreadable;
  }
}
