// The settlement details (结算明细) importer, INSTITUTIONS.md §6: bytes of an .xlsx/.xls/.csv in,
// ClaimRow values in file order and an ImportReport (kind 'claims') out, through the shared
// table import (title rows, synonym headers, GB18030, every usual date form). Refund and
// correction rows are kept and listed: the screening leaves them out. A 住院 settlement must
// have its 入院日期 and 出院日期 on its first row, which decides the settlement.
import type { ClaimRow } from '../../../shared/domain/claims';
import { parseAmount, type Fen } from '../../../shared/rules/money';
import { parseDate } from '../../../shared/rules/parseDate';
import { normalizePersonId } from '../../../shared/rules/personId';
import type { ColumnRole } from '../../../shared/domain/importReport';
import { isNegative } from '../../../shared/rules/screening/exact';
import { codeText, parseDecimalCell, parseSex, parseVisitType } from './cellValues';
import { isBlankCell, cellText } from './grid';
import { cleanName } from './normaliseRows';
import { importTable, type RowCells, type TableImport, type TableImportParams } from './tableImport';

function date(cells: RowCells, role: ColumnRole, required: boolean): string | null {
  const v = cells.value(role);
  if (isBlankCell(v)) {
    if (required) cells.issue('error', 'bad-date', role, '为空');
    return null;
  }
  const d = parseDate(v);
  if (!d.ok) {
    cells.issue('error', 'bad-date', role, d.reason);
    return null;
  }
  if (d.monthOnly) {
    cells.issue('error', 'bad-date', role, `只写到月（“${cellText(v)}”），需要具体日期`);
    return null;
  }
  return d.date;
}

function amount(cells: RowCells, role: ColumnRole): Fen | null {
  const v = cells.value(role);
  if (isBlankCell(v)) {
    cells.issue('error', 'bad-amount', role, '为空');
    return null;
  }
  const a = parseAmount(v);
  if (!a.ok) {
    cells.issue('error', 'bad-amount', role, a.reason);
    return null;
  }
  if (a.rounded) cells.issue('info', 'amount-rounded', role, `“${cellText(v)}”超过两位小数，已四舍五入到分`);
  return a.fen;
}

export function readClaimRow(cells: RowCells): ClaimRow | null {
  const settlementId = codeText(cells.value('settlementId'));
  if (settlementId === '') cells.issue('error', 'bad-settlement', 'settlementId', '为空');
  const idValue = cells.value('personId');
  const id = normalizePersonId(typeof idValue === 'string' || typeof idValue === 'number' ? idValue : '');
  if (!id.ok) cells.issue('error', 'bad-id', 'personId', id.reason);
  else if (!id.valid || id.converted15) cells.issue('warning', id.converted15 ? 'id-15-converted' : 'id-check-digit', 'personId', `${id.notes.join('；')}（${id.id}），已保留`);
  let sex: ClaimRow['sex'] = null;
  if (cells.has('sex') && !isBlankCell(cells.value('sex'))) {
    const s = parseSex(cells.value('sex'));
    if (s.ok) sex = s.value;
    else cells.issue('error', 'bad-sex', 'sex', s.reason);
  }
  const birthDate = cells.has('birthDate') ? date(cells, 'birthDate', false) : null;
  const visit = parseVisitType(cells.value('visitType'));
  if (!visit.ok) cells.issue('error', 'bad-visit-type', 'visitType', visit.reason);
  const admissionDate = cells.has('admissionDate') ? date(cells, 'admissionDate', false) : null;
  const dischargeDate = cells.has('dischargeDate') ? date(cells, 'dischargeDate', false) : null;
  if (admissionDate && dischargeDate && dischargeDate < admissionDate) cells.issue('error', 'discharge-before-admission', 'dischargeDate', `出院日期（${dischargeDate}）早于入院日期（${admissionDate}）`);
  const feeDate = date(cells, 'feeDate', true);
  const itemCode = codeText(cells.value('itemCode'));
  if (itemCode === '') cells.issue('error', 'bad-item', 'itemCode', '为空');
  const quantity = parseDecimalCell(cells.value('quantity'));
  if (!quantity.ok) cells.issue('error', 'bad-quantity', 'quantity', isBlankCell(cells.value('quantity')) ? '为空' : quantity.reason);
  const unitPrice = parseDecimalCell(cells.value('unitPrice'));
  if (!unitPrice.ok) cells.issue('error', 'bad-price', 'unitPrice', isBlankCell(cells.value('unitPrice')) ? '为空' : unitPrice.reason);
  const amountFen = amount(cells, 'amount');
  const fundPaid = amount(cells, 'fundPaid');
  if (!id.ok || !visit.ok || feeDate === null || !quantity.ok || !unitPrice.ok || amountFen === null || fundPaid === null || settlementId === '' || itemCode === '') return null;
  if (isNegative(quantity.value) || amountFen < 0) cells.issue('info', 'refund-row', null, '退费或冲销行（数量或金额为负），本版规则不对其筛查');
  return {
    ref: { file: cells.fileName, sheet: cells.sheet, row: cells.r + 1 },
    settlementId,
    personId: id.id,
    name: cleanName(cellText(cells.value('name'))),
    sex,
    birthDate,
    visitType: visit.value,
    admissionDate,
    dischargeDate,
    feeDate,
    itemCode,
    itemName: cleanName(cellText(cells.value('itemName'))),
    quantity: quantity.value,
    unitPrice: unitPrice.value,
    amount: amountFen,
    fundPaid,
  };
}

export function importClaims(params: TableImportParams): Promise<TableImport<ClaimRow>> {
  return importTable<ClaimRow>(
    'claims',
    params,
    readClaimRow,
    (rows, issue) => {
      // The first row decides a settlement: a 住院 one needs both dates there.
      const seen = new Set<string>();
      for (const row of rows) {
        if (seen.has(row.settlementId)) continue;
        seen.add(row.settlementId);
        if (row.visitType !== '住院' || (row.admissionDate && row.dischargeDate)) continue;
        const missing = [row.admissionDate ? '' : '入院日期', row.dischargeDate ? '' : '出院日期'].filter(Boolean).join('和');
        issue({
          severity: 'error',
          code: 'inpatient-dates-missing',
          file: row.ref.file,
          sheet: row.ref.sheet,
          row: row.ref.row,
          column: '',
          message: `住院结算 ${row.settlementId} 的第一行没有${missing}（结算的入院、出院日期取自其第一行）`,
        });
      }
    },
    (row) => row.personId,
  );
}
