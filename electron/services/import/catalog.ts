// The catalog (目录与限价) importer, INSTITUTIONS.md §6: 项目编码, 项目名称, 类别 and the limits
// (最高单价, 限定性别, 最小/最大年龄, 每日限量; empty = none). A code listed twice is an error
// naming both rows: the screening must know which limit applies.
import { ITEM_CATEGORIES, type CatalogEntry, type ItemCategory } from '../../../shared/domain/claims';
import type { ColumnRole } from '../../../shared/domain/importReport';
import { isNegative } from '../../../shared/rules/screening/exact';
import { codeText, parseDecimalCell, parseSex } from './cellValues';
import { cellText, isBlankCell } from './grid';
import { cleanName } from './normaliseRows';
import { importTable, type RowCells, type TableImport, type TableImportParams } from './tableImport';

/** Category names as catalogs write them, to the seven of §6. */
const CATEGORY_SYNONYMS: readonly [RegExp, ItemCategory][] = [
  [/^(药品|西药|中成药|中草药|中药饮片|中药|西药费|中成药费|中草药费|药品费)$/, '药品'],
  [/^(诊疗|诊疗项目|治疗|治疗费|诊疗费|手术|手术费|诊查费)$/, '诊疗'],
  [/^(检查|检验|化验|检查费|检验费|化验费|放射|影像)$/, '检查'],
  [/^(耗材|医用耗材|卫生材料|材料|材料费|卫生材料费)$/, '耗材'],
  [/^(床位|床位费)$/, '床位'],
  [/^(护理|护理费)$/, '护理'],
  [/^(其他|其它|其他费)$/, '其他'],
];

function category(cells: RowCells): ItemCategory | null {
  const t = codeText(cells.value('category'));
  for (const [re, cat] of CATEGORY_SYNONYMS) if (re.test(t)) return cat;
  cells.issue('error', 'bad-category', 'category', t === '' ? '为空' : `无法识别的类别“${t}”（应为 ${ITEM_CATEGORIES.join('、')} 之一）`);
  return null;
}

function optionalDecimal(cells: RowCells, role: ColumnRole): CatalogEntry['maxPrice'] | undefined {
  const v = cells.value(role);
  if (isBlankCell(v)) return null;
  const d = parseDecimalCell(v);
  if (!d.ok) {
    cells.issue('error', 'bad-number', role, d.reason);
    return undefined;
  }
  if (isNegative(d.value)) {
    cells.issue('error', 'bad-number', role, `不能为负：“${cellText(v)}”`);
    return undefined;
  }
  return d.value;
}

function optionalAge(cells: RowCells, role: ColumnRole): number | null | undefined {
  const v = cells.value(role);
  if (isBlankCell(v)) return null;
  const t = codeText(v).replace(/(周岁|岁)$/, '');
  if (!/^\d{1,3}$/.test(t)) {
    cells.issue('error', 'bad-age', role, `应为整数岁数：“${cellText(v)}”`);
    return undefined;
  }
  return Number(t);
}

export function readCatalogRow(cells: RowCells): CatalogEntry | null {
  const itemCode = codeText(cells.value('itemCode'));
  if (itemCode === '') cells.issue('error', 'bad-item', 'itemCode', '为空');
  const cat = category(cells);
  const maxPrice = optionalDecimal(cells, 'maxPrice');
  const dailyLimit = optionalDecimal(cells, 'dailyLimit');
  let sexLimit: CatalogEntry['sexLimit'] = null;
  const sexValue = cells.value('sexLimit');
  if (!isBlankCell(sexValue)) {
    const s = parseSex(typeof sexValue === 'string' ? sexValue.replace(/^(限|仅限)/, '') : sexValue);
    if (s.ok) sexLimit = s.value;
    else cells.issue('error', 'bad-sex', 'sexLimit', s.reason);
  }
  const minAge = optionalAge(cells, 'minAge');
  const maxAge = optionalAge(cells, 'maxAge');
  if (typeof minAge === 'number' && typeof maxAge === 'number' && minAge > maxAge) cells.issue('error', 'bad-age', 'maxAge', `最大年龄（${maxAge}）小于最小年龄（${minAge}）`);
  if (itemCode === '' || cat === null || maxPrice === undefined || dailyLimit === undefined || minAge === undefined || maxAge === undefined) return null;
  return {
    ref: { file: cells.fileName, sheet: cells.sheet, row: cells.r + 1 },
    itemCode,
    itemName: cleanName(cellText(cells.value('itemName'))),
    category: cat,
    maxPrice,
    sexLimit,
    minAge,
    maxAge,
    dailyLimit,
  };
}

export function importCatalog(params: TableImportParams): Promise<TableImport<CatalogEntry>> {
  return importTable<CatalogEntry>('catalog', params, readCatalogRow, (rows, issue) => {
    const first = new Map<string, CatalogEntry>();
    for (const e of rows) {
      const earlier = first.get(e.itemCode);
      if (!earlier) {
        first.set(e.itemCode, e);
        continue;
      }
      issue({
        severity: 'error',
        code: 'duplicate-item',
        file: e.ref.file,
        sheet: e.ref.sheet,
        row: e.ref.row,
        column: '',
        message: `项目编码 ${e.itemCode} 在目录中重复（另见${earlier.ref.sheet ? `工作表“${earlier.ref.sheet}”` : ''}第 ${earlier.ref.row} 行），无法确定适用的限价`,
      });
    }
  });
}
