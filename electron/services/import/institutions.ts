// The directory importer (定点医药机构名录, seed 003 annexes 2 and 3): a bureau's list of designated
// hospitals and pharmacies, through the shared table import. Credit codes are checked (GB 32100),
// dates read in every usual form; a code listed twice is an error naming both rows.
import type { InstitutionInput } from '../../../shared/api/dto/institutions';
import type { ColumnRole } from '../../../shared/domain/importReport';
import { checkCreditCode } from '../../../shared/rules/creditCode';
import { parseDate } from '../../../shared/rules/parseDate';
import { cellText, isBlankCell } from './grid';
import { cleanName } from './normaliseRows';
import { importTable, refuseDuplicateCreditCodes, type RowCells, type TableImport, type TableImportParams } from './tableImport';

export interface DirectoryRow {
  row: number;
  sheet: string;
  input: InstitutionInput;
}

const txt = (cells: RowCells, role: ColumnRole) => cleanName(cellText(cells.value(role)));

function optDate(cells: RowCells, role: ColumnRole): string | null {
  const v = cells.value(role);
  if (isBlankCell(v)) return null;
  const d = parseDate(v);
  if (!d.ok) {
    cells.issue('error', 'bad-date', role, d.reason);
    return null;
  }
  return d.date;
}

export function readDirectoryRow(cells: RowCells): DirectoryRow | null {
  const cc = checkCreditCode(cellText(cells.value('creditCode')));
  if (!cc.ok) cells.issue('error', 'bad-credit-code', 'creditCode', cc.reason);
  const name = txt(cells, 'orgName');
  if (name === '') cells.issue('error', 'bad-name', 'orgName', '为空');
  const kindText = txt(cells, 'orgKind');
  const kind = /药店|药房|零售/.test(kindText) || (kindText === '' && /药店|药房|大药房/.test(name)) ? 'pharmacy' : 'hospital';
  const ownership = txt(cells, 'ownership');
  const hospitalType = txt(cells, 'hospitalType');
  const rating = txt(cells, 'creditRating').toUpperCase().replace(/级$/, '');
  if (rating !== '' && !/^[ABCD]$/.test(rating)) cells.issue('error', 'bad-rating', 'creditRating', `应为 A、B、C、D 之一：“${rating}”`);
  const input: InstitutionInput = {
    kind,
    region: txt(cells, 'region'),
    name,
    creditCode: cc.code,
    insuranceCode: txt(cells, 'insuranceCode'),
    ownership: ownership === '' ? null : /民/.test(ownership) ? '民营' : '公立',
    hospitalType: hospitalType === '' ? null : /专科/.test(hospitalType) ? '专科' : '综合',
    grade: txt(cells, 'grade') || null,
    foundedOn: optDate(cells, 'foundedOn'),
    address: txt(cells, 'address'),
    legalRepName: txt(cells, 'legalRepName'),
    legalRepId: txt(cells, 'legalRepId').replace(/\s/g, '').toUpperCase(),
    contact: txt(cells, 'contact'),
    phone: txt(cells, 'phone'),
    agreementNo: txt(cells, 'agreementNo'),
    agreementFrom: optDate(cells, 'agreementFrom'),
    agreementTo: optDate(cells, 'agreementTo'),
    creditRating: /^[ABCD]$/.test(rating) ? (rating as 'A') : null,
    note: txt(cells, 'note'),
  };
  if (!cc.ok || name === '') return null;
  return { row: cells.r + 1, sheet: cells.sheet, input };
}

export function importDirectory(params: TableImportParams): Promise<TableImport<DirectoryRow>> {
  return importTable<DirectoryRow>('institutions', params, readDirectoryRow, refuseDuplicateCreditCodes<DirectoryRow>(params.fileName));
}
