// `jihe compute` (DOMAIN.md §7): the same importer, plan parser and computation the app uses,
// straight from files, without a database. Anything that cannot be read ends with exit code 1,
// every reason (file, sheet, row, column) on stderr, and nothing on stdout.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportKind } from '../../shared/domain/importReport';
import type { Estimation, Exemption } from '../../shared/domain/lines';
import type { RatePlan } from '../../shared/domain/ratePlan';
import { compute } from '../../shared/rules/compute';
import { ComputeError } from '../../shared/rules/computeError';
import { isIsoDate, isMonth } from '../../shared/rules/month';
import { parseRatePlanText } from '../../shared/rules/ratePlan';
import { computeResultDtoJson, toComputeSummaryDto } from '../../shared/rules/resultDto';
import { importSpreadsheet, type ParsedImport } from '../services/import/index';
import { describeIssue, errorIssues, refusalReason } from '../services/jobs/importPolicy';
import { parseExemptionsFile } from '../services/import/exemptionsFile';
import { parseEstimationsFile } from './estimationsFile';
import { COMPUTE_HELP } from './help';
import { formatSummary } from './summary';
import { EXIT, type CliIo } from './io';

/** A failure that ends the command: its lines go to stderr. */
class CommandFailure extends Error {
  constructor(
    readonly exitCode: number,
    readonly lines: string[],
  ) {
    super(lines.join('\n'));
  }
}

const MAX_WARNINGS_SHOWN = 20;

async function readInput(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹，不是文件' : code === 'EACCES' ? '没有读取权限' : (e as Error).message;
    throw new CommandFailure(EXIT.unreadable, [`错误：无法读取${what} ${file}：${reason}`]);
  }
}

async function importFile(file: string, kind: ImportKind, what: string, leaveOutErrorRows: boolean, io: CliIo): Promise<ParsedImport> {
  const bytes = await readInput(file, what);
  const parsed = await importSpreadsheet({ bytes, fileName: path.basename(file), kind });
  const lines = kind === 'payroll' ? parsed.payroll : parsed.declarations;
  const refusal = refusalReason(parsed.report, leaveOutErrorRows, lines.length);
  if (refusal) {
    const errors = errorIssues(parsed.report);
    const details = errors.map((i) => `  ${describeIssue(i)}`);
    const onlyRows = errors.length > 0 && errors.every((i) => i.row > 0);
    throw new CommandFailure(EXIT.unreadable, [
      `错误：${refusal}`,
      ...(details.length > 0 ? ['各处原因：', ...details] : []),
      ...(onlyRows ? ['如确认跳过这些行，可加选项 --leave-out-error-rows'] : []),
    ]);
  }
  const left = errorIssues(parsed.report);
  if (left.length > 0) io.stderr(`提示：${what} ${path.basename(file)} 跳过了 ${parsed.report.rowsLeftOut} 行：\n${left.map((i) => `  ${describeIssue(i)}`).join('\n')}\n`);
  const warnings = parsed.report.issues.filter((i) => i.severity === 'warning');
  if (warnings.length > 0) {
    const shown = warnings.slice(0, MAX_WARNINGS_SHOWN).map((i) => `  ${describeIssue(i)}`);
    if (warnings.length > MAX_WARNINGS_SHOWN) shown.push(`  ……另有 ${warnings.length - MAX_WARNINGS_SHOWN} 条`);
    io.stderr(`提示：${what} ${path.basename(file)} 有 ${warnings.length} 条需要核对的情况：\n${shown.join('\n')}\n`);
  }
  return parsed;
}

async function loadPlan(file: string): Promise<RatePlan> {
  const bytes = await readInput(file, '缴费方案');
  const parsed = parseRatePlanText(new TextDecoder('utf-8').decode(bytes));
  if (!parsed.ok) {
    throw new CommandFailure(EXIT.unreadable, [
      `错误：缴费方案 ${path.basename(file)} 有误：`,
      ...parsed.errors.map((e) => `  ${e.path ? `${e.path}：` : ''}${e.message}`),
    ]);
  }
  return parsed.plan;
}

async function loadExemptions(file: string): Promise<Exemption[]> {
  const bytes = await readInput(file, '豁免文件');
  const parsed = parseExemptionsFile(bytes, path.basename(file));
  if (!parsed.ok) throw new CommandFailure(EXIT.unreadable, ['错误：豁免文件有误：', ...parsed.errors.map((e) => `  ${e}`)]);
  return parsed.exemptions;
}

async function loadEstimations(file: string): Promise<Estimation[]> {
  const parsed = parseEstimationsFile(await readInput(file, '核定文件'), path.basename(file));
  if (!parsed.ok) throw new CommandFailure(EXIT.unreadable, ['错误：核定文件有误：', ...parsed.errors.map((e) => `  ${e}`)]);
  return parsed.estimations;
}

function usage(message: string): CommandFailure {
  return new CommandFailure(EXIT.usage, [`错误：${message}`, '用法：jihe compute 工资表 申报明细 缴费方案 --from YYYY-MM --to YYYY-MM --as-of YYYY-MM-DD [--exempt 文件] [--estimate 文件] [--json [--rows]]', '详见 jihe compute --help']);
}

export async function computeCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    let args;
    try {
      args = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          from: { type: 'string' },
          to: { type: 'string' },
          'as-of': { type: 'string' },
          exempt: { type: 'string' },
          estimate: { type: 'string' },
          json: { type: 'boolean', default: false },
          rows: { type: 'boolean', default: false },
          'leave-out-error-rows': { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (e) {
      throw usage((e as Error).message.replace(/^Unknown option '(.+?)'.*$/s, '未知的选项 $1'));
    }
    const { values, positionals } = args;
    if (values.help) {
      io.stdout(COMPUTE_HELP);
      return EXIT.ok;
    }
    if (positionals.length !== 3) throw usage(`需要三个文件（工资表、申报明细、缴费方案），实际给了 ${positionals.length} 个`);
    const missing = (['from', 'to', 'as-of'] as const).filter((k) => values[k] === undefined);
    if (missing.length > 0) throw usage(`缺少选项 ${missing.map((k) => `--${k}`).join('、')}`);
    const from = values.from!;
    const to = values.to!;
    const asOf = values['as-of']!;
    if (!isMonth(from)) throw usage(`--from 应为 YYYY-MM 形式的月份，实际为“${from}”`);
    if (!isMonth(to)) throw usage(`--to 应为 YYYY-MM 形式的月份，实际为“${to}”`);
    if (to < from) throw usage(`稽核期间的结束月（${to}）早于开始月（${from}）`);
    if (!isIsoDate(asOf)) throw usage(`--as-of 应为 YYYY-MM-DD 形式的有效日期，实际为“${asOf}”`);
    const [payrollFile, declarationFile, planFile] = positionals as [string, string, string];
    const leaveOut = values['leave-out-error-rows'] === true;

    // Every input is checked before any output, so a bad file never leaves half a result.
    const plan = await loadPlan(planFile);
    const exemptions = values.exempt ? await loadExemptions(values.exempt) : [];
    const estimations = values.estimate ? await loadEstimations(values.estimate) : [];
    const payroll = await importFile(payrollFile, 'payroll', '工资表', leaveOut, io);
    const declarations = await importFile(declarationFile, 'declaration', '申报明细', leaveOut, io);

    let result;
    try {
      result = compute({ plan, from, to, asOf, payroll: payroll.payroll, declarations: declarations.declarations, exemptions, estimations });
    } catch (e) {
      if (e instanceof ComputeError) throw new CommandFailure(EXIT.unreadable, [`错误：无法计算：${e.message}`]);
      throw e;
    }
    if (values.rows) {
      // Every list of the result, streamed a few hundred items at a time (one JSON object).
      for (const piece of computeResultDtoJson(result)) {
        io.stdout(piece);
        await io.drain?.();
      }
      io.stdout('\n');
    } else if (values.json) io.stdout(JSON.stringify(toComputeSummaryDto(result), null, 2) + '\n');
    else io.stdout(formatSummary(result));
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
