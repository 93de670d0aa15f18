// What the importer did with a file: counts, how each sheet was read (header row, column roles)
// and every issue with its file, sheet, row and column, grouped by kind with counts, most
// important first (shared/domain/issueGroups.ts); kinds that change no figure start collapsed.
import { Collapse, Descriptions, Table, Tag } from 'antd';
import { COLUMN_ROLE_NAMES, type ImportIssue, type ImportReport, type SheetMapping } from '../../../shared/domain/importReport';
import { groupIssues, type IssueGroup } from '../../../shared/domain/issueGroups';

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
      {report.issues.length > 0 && <IssueGroups report={report} />}
    </div>
  );
}

function IssueGroups({ report }: { report: ImportReport }) {
  const groups = groupIssues(report);
  return (
    <div data-testid="import-issues">
      <div className="section" style={{ fontWeight: 500 }}>
        问题清单（{report.issues.length} 条，{groups.length} 类）
      </div>
      <Collapse
        size="small"
        defaultActiveKey={groups.filter((g) => !g.minor).map((g) => g.id)}
        items={groups.map((g) => ({
          key: g.id,
          label: (
            <span data-testid="issue-group">
              <Tag color={SEVERITY[g.severity].color}>{SEVERITY[g.severity].text}</Tag>
              {g.title}
              <span className="num" style={{ marginLeft: 8 }}>
                {g.issues.length} 条
              </span>
              {g.minor && <span className="muted">（该列不参与计算）</span>}
            </span>
          ),
          children: <IssueTable group={g} />,
        }))}
      />
    </div>
  );
}

function IssueTable({ group }: { group: IssueGroup }) {
  return (
    <Table<ImportIssue & { key: number }>
      size="small"
      rowKey="key"
      dataSource={group.issues.map((i, key) => ({ ...i, key }))}
      pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
      columns={[
        {
          title: '级别',
          dataIndex: 'severity',
          width: 64,
          render: (s: ImportIssue['severity']) => <Tag color={SEVERITY[s].color}>{SEVERITY[s].text}</Tag>,
        },
        { title: '文件', dataIndex: 'file', width: 160, ellipsis: true },
        { title: '工作表', dataIndex: 'sheet', width: 90, ellipsis: true, render: (v: string) => v || '—' },
        { title: '行', dataIndex: 'row', width: 56, align: 'right', render: (r: number) => (r ? r : '—') },
        { title: '列', dataIndex: 'column', width: 48, render: (c: string) => c || '—' },
        { title: '原因', dataIndex: 'message' },
      ]}
    />
  );
}
