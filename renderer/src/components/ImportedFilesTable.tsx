// Files already imported into the case, kept byte-for-byte with their SHA-256; each row opens
// its import report, and a wrong file can be removed before review (RemoveImportModal).
import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import type { SourceFile } from '../../../shared/api/dto';
import { IMPORT_KIND_NAMES } from '../../../shared/domain/importReport';
import { formatDateTime } from '../format';
import { ImportReportView } from './ImportReportView';
import { RemoveImportModal } from './import/RemoveImportModal';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ImportedFilesTable({ files, canRemove = false, onRemoved }: { files: SourceFile[]; canRemove?: boolean; onRemoved?: () => void }) {
  const [removing, setRemoving] = useState<SourceFile | null>(null);
  return (
    <>
      <Table<SourceFile>
        data-testid="imported-files"
        size="small"
        rowKey="id"
        dataSource={files}
        pagination={false}
        title={() => '已导入的文件'}
        locale={{ emptyText: '尚未导入文件' }}
        expandable={{ expandedRowRender: (f) => <ImportReportView report={f.report} /> }}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 110, render: (k: SourceFile['kind']) => <Tag color={k === 'payroll' ? 'blue' : 'purple'}>{IMPORT_KIND_NAMES[k]}</Tag> },
          { title: '文件名', dataIndex: 'fileName' },
          { title: '行数', dataIndex: 'rows', width: 80, align: 'right', render: (v: number) => <span className="num">{v}</span> },
          { title: '人数', key: 'persons', width: 70, align: 'right', render: (_, f) => <span className="num">{f.report.persons}</span> },
          { title: '月份', key: 'months', width: 170, render: (_, f) => (f.report.months.length ? `${f.report.months[0]}～${f.report.months[f.report.months.length - 1]}` : '—') },
          { title: '大小', dataIndex: 'size', width: 80, align: 'right', render: (v: number) => formatSize(v) },
          { title: 'SHA-256', dataIndex: 'sha256', width: 130, render: (v: string) => <span className="mono" title={v}>{v.slice(0, 12)}…</span> },
          { title: '导入时间', dataIndex: 'importedAt', width: 140, render: (v: string) => formatDateTime(v) },
          ...(canRemove
            ? [
                {
                  title: '操作',
                  key: 'remove',
                  width: 90,
                  render: (_: unknown, f: SourceFile) => (
                    <Button size="small" danger type="link" onClick={() => setRemoving(f)}>
                      删除/替换
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RemoveImportModal
        file={removing}
        onCancel={() => setRemoving(null)}
        onRemoved={() => {
          setRemoving(null);
          onRemoved?.();
        }}
      />
    </>
  );
}
