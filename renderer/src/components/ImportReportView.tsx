// What the importer did with a file: counts, how each sheet was read (header row, column roles)
// and every issue with its file, sheet, row and column.
import { Descriptions, Table, Tag } from 'antd';
import { COLUMN_ROLE_NAMES, type ImportIssue, type ImportReport, type SheetMapping } from '../../../shared/domain/importReport';

const ROLE_NAMES = COLUMN_ROLE_NAMES;

const SEVERITY: Record<ImportIssue['severity'], { color: string; text: string }> = {
  error: { color: 'red', text: '错误' },
  warning: { color: 'orange', text: '警告' },
  info: { color: 'blue', text: '提示' },
};

/** `refused`: the file was not imported; the counts say what an import leaving out the errors would take. */
export function ImportReportView({ report, refused = false }: { report: ImportReport; refused?: boolean }) {
  return (
    <div>
      <Descriptions
        size="small"
        column={6}
        className="section"
        items={[
          { key: 'read', label: '读取行数', children: <span className="num">{report.rowsRead}</span> },
          { key: 'taken', label: refused ? '可导入行数' : '导入行数', children: <span className="num">{report.rowsTaken}</span> },
          { key: 'left', label: refused ? '错误行数' : '剔除行数', children: <span className="num">{report.rowsLeftOut}</span> },
          { key: 'persons', label: '人数', children: <span className="num">{report.persons}</span> },
          { key: 'months', label: '月份', span: 2, children: report.months.length ? `${report.months[0]}～${report.months[report.months.length - 1]}（${report.months.length} 个月）` : '—' },
        ]}
      />
      <Table<SheetMapping>
        size="small"
        className="section"
        rowKey="sheet"
        pagination={false}
        dataSource={report.sheets}
        columns={[
          { title: '工作表', dataIndex: 'sheet', width: 120, render: (v: string) => v || '（CSV）' },
          { title: '表头行', dataIndex: 'headerRow', width: 64, align: 'right', render: (v: number) => (v ? v : '—') },
          { title: '表内月份', dataIndex: 'sheetMonth', width: 80, render: (v: string | null) => v ?? '—' },
          {
            title: '识别的列',
            key: 'columns',
            render: (_, s) =>
              s.skipped ? (
                <span className="muted">未读取：{s.skipped}</span>
              ) : (
                s.columns
                  .filter((c) => c.role !== 'ignore')
                  .map((c) => (
                    <Tag key={c.index} style={{ marginBottom: 2 }}>
                      {c.letter} {c.header} → {ROLE_NAMES[c.role]}
                    </Tag>
                  ))
              ),
          },
        ]}
      />
      {report.issues.length > 0 && (
        <Table<ImportIssue & { key: number }>
          size="small"
          rowKey="key"
          dataSource={report.issues.map((i, key) => ({ ...i, key }))}
          pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
          title={() => `问题清单（${report.issues.length} 条）`}
          columns={[
            {
              title: '级别',
              dataIndex: 'severity',
              width: 64,
              filters: (['error', 'warning', 'info'] as const).map((s) => ({ text: SEVERITY[s].text, value: s })),
              onFilter: (v, i) => i.severity === v,
              render: (s: ImportIssue['severity']) => <Tag color={SEVERITY[s].color}>{SEVERITY[s].text}</Tag>,
            },
            { title: '文件', dataIndex: 'file', width: 140, ellipsis: true },
            { title: '工作表', dataIndex: 'sheet', width: 90, ellipsis: true, render: (v: string) => v || '—' },
            { title: '行', dataIndex: 'row', width: 56, align: 'right', render: (r: number) => (r ? r : '—') },
            { title: '列', dataIndex: 'column', width: 48, render: (c: string) => c || '—' },
            { title: '原因', dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}
