// 文书: the case's documents, the button to produce the audit notice, and the PDF of the chosen one.
import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { DOCUMENT_TYPE_NAMES, type CaseDetail, type DocumentSummary } from '../../../shared/api/dto';
import { formatDateTime } from '../format';
import { NoticeFormModal } from './NoticeFormModal';
import { PdfViewer } from './PdfViewer';

export function DocumentsPanel({ detail, onGenerated }: { detail: CaseDetail; onGenerated: () => void }) {
  const [formOpen, setFormOpen] = useState(false);
  const [shownId, setShownId] = useState<number | null>(null);
  const shown = detail.documents.find((d) => d.id === shownId) ?? null;

  return (
    <div>
      <div className="page-title">
        <span className="muted">稽核通知书应在实地稽核 3 日前送达被稽核单位。</span>
        <Button type="primary" icon={<FilePdfOutlined />} onClick={() => setFormOpen(true)}>
          生成稽核通知书
        </Button>
      </div>
      <Table<DocumentSummary>
        size="small"
        rowKey="id"
        className="section"
        dataSource={detail.documents}
        pagination={false}
        locale={{ emptyText: '尚未生成文书' }}
        rowClassName={(d) => (d.id === shownId ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '文书', dataIndex: 'type', width: 120, render: (t: DocumentSummary['type']) => DOCUMENT_TYPE_NAMES[t] },
          { title: '文号', dataIndex: 'number', width: 200 },
          { title: '标题', dataIndex: 'title' },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: DocumentSummary['status']) => (s === 'draft' ? <Tag color="orange">草稿</Tag> : <Tag color="green">已签发</Tag>) },
          { title: '页数', dataIndex: 'pages', width: 60, align: 'right' },
          { title: '生成时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: '操作',
            key: 'open',
            width: 80,
            render: (_, d) => (
              <Button size="small" onClick={() => setShownId(d.id)}>
                查看
              </Button>
            ),
          },
        ]}
      />
      {shown && <PdfViewer key={shown.id} documentId={shown.id} title={`${DOCUMENT_TYPE_NAMES[shown.type]} ${shown.number}`} />}
      <NoticeFormModal
        open={formOpen}
        detail={detail}
        onClose={() => setFormOpen(false)}
        onGenerated={(doc) => {
          setFormOpen(false);
          setShownId(doc.id);
          onGenerated();
        }}
      />
    </div>
  );
}
