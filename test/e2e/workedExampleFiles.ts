// The worked example of DOMAIN.md §6.5 as an employer would hand it over: a payroll workbook
// with a title row, two rows for 甲 and a total row, and a declarations CSV (UTF-8 with BOM)
// exported without an insurance column.
import * as XLSX from '@e965/xlsx';

export function workedExamplePayrollXlsx(): Uint8Array {
  const rows: (string | number)[][] = [
    ['示例科技有限公司2024年3月工资表'],
    ['序号', '姓名', '身份证号码', '工资月份', '应发工资'],
    [1, '甲', '110105198001010016', '2024-03', 9000],
    [2, '甲', '110105198001010016', '2024-03', 500.55],
    [3, '乙', '110105198503150027', '2024-03', 3000],
    [4, '丙', '110105199007200034', '2024-03', 25000],
    ['合计', '', '', '', 37500.55],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '2024年3月');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

export function workedExampleDeclarationsCsv(): Uint8Array {
  const text = [
    '姓名,公民身份号码,费款所属期,缴费基数',
    '甲,110105198001010016,202403,"5,000.00"',
    '丙,110105199007200034,202403,20000',
    '丁,110105197511110047,202403,4000',
  ].join('\r\n');
  return new TextEncoder().encode('\uFEFF' + text + '\r\n');
}
