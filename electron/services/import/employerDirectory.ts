// The employer directory importer (参保单位名录, DOMAIN.md §10.1), laid out like seed 003's annex
// (序号, 所在地区, 名称, 统一社会信用代码, 参保单位编号, 行业, 地址, 法定代表人, 联系人, 联系电话,
// 备注), through the shared table import like the institutions directory. Credit codes are checked
// (GB 32100); a code listed twice is an error naming both rows. No ID number is kept: a legal
// representative cell "姓名 + 身份证号" keeps the name only.
import type { EmployerInput } from '../../../shared/api/dto';
import type { ColumnRole } from '../../../shared/domain/importReport';
import { checkCreditCode } from '../../../shared/rules/creditCode';
import { cellText } from './grid';
import { cleanName } from './normaliseRows';
import { importTable, refuseDuplicateCreditCodes, type RowCells, type TableImport, type TableImportParams } from './tableImport';

export interface EmployerDirectoryRow {
  row: number;
  sheet: string;
  input: EmployerInput & { region?: string };
}

const txt = (cells: RowCells, role: ColumnRole) => cleanName(cellText(cells.value(role)));
const ID_NUMBER = /[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]|\d{15}/g;

function optional(v: string): string | undefined {
  return v === '' ? undefined : v;
}

export function readEmployerRow(cells: RowCells): EmployerDirectoryRow | null {
  const cc = checkCreditCode(cellText(cells.value('creditCode')));
  if (!cc.ok) cells.issue('error', 'bad-credit-code', 'creditCode', cc.reason);
  const name = txt(cells, 'orgName');
  if (name === '') cells.issue('error', 'bad-name', 'orgName', '为空');
  if (!cc.ok || name === '') return null;
  const legal = txt(cells, 'legalRepName').replace(ID_NUMBER, '').replace(/[\s,，;；、/（）()]+$/g, '').trim();
  const input: EmployerDirectoryRow['input'] = { name, creditCode: cc.code };
  const fields = {
    region: optional(txt(cells, 'region')),
    insuranceUnitCode: optional(txt(cells, 'insuranceUnitCode')),
    industry: optional(txt(cells, 'industry')),
    address: optional(txt(cells, 'address')),
    legalRepresentative: optional(legal),
    contact: optional(txt(cells, 'contact')),
    phone: optional(txt(cells, 'phone')),
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) (input as Record<string, string>)[k] = v;
  return { row: cells.r + 1, sheet: cells.sheet, input };
}

export function importEmployerDirectory(params: TableImportParams): Promise<TableImport<EmployerDirectoryRow>> {
  return importTable<EmployerDirectoryRow>('employers', params, readEmployerRow, refuseDuplicateCreditCodes<EmployerDirectoryRow>(params.fileName));
}
