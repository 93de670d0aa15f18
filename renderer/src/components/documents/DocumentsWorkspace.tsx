// 文书 tab: every document of the case with its life (type, 文号 or 草稿, 草稿/已签发/已更正, pages,
// date), 新建文书 for each kind the case allows now (with the reason when it does not), 案件信息
// shared by all forms, and the chosen document's preview, PDF and actions (DocumentDetail).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Dropdown, Flex, Table } from 'antd';
import { DownOutlined, FilePdfOutlined, FileTextOutlined, IdcardOutlined } from '@ant-design/icons';
import { DOCUMENT_TYPE_NAMES, type CaseDetail } from '../../../../shared/api/dto';
import type { DocumentKindStatus, DocumentListItem } from '../../../../shared/api/dto/documents';
import { call, errorText } from '../../api/client';
import { formatDateTime } from '../../format';
import { NoticeFormModal } from '../NoticeFormModal';
import { CaseFactsModal } from './CaseFactsModal';
import { DocumentDetail } from './DocumentDetail';
import { DocumentFormModal } from './DocumentFormModal';
import { DocumentStateTag, numberText } from './DocumentStateTag';

const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export function DocumentsWorkspace({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const caseId = detail.case.id;
  const archived = detail.case.state === 'archived';
  const [docs, setDocs] = useState<DocumentListItem[]>([]);
  const [kinds, setKinds] = useState<DocumentKindStatus[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [shownId, setShownId] = useState<number | null>(null);
  const [form, setForm] = useState<{ kind: DocumentKindStatus; draft: DocumentListItem | null } | null>(null);
  const [factsOpen, setFactsOpen] = useState(false);
  const [noticeOpen, setNoticeOpen] = useState(false);

  const reload = useCallback(async () => {
    try {
      const [list, k] = await Promise.all([call('documents.list', { caseId }), call('documents.kinds', { caseId })]);
      setDocs(list);
      setKinds(k);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [caseId]);

  useEffect(() => {
    void reload();
  }, [reload, detail]);

  const changed = (id: number) => {
    setShownId(id);
    void reload();
    onChanged();
  };

  const shown = docs.find((d) => d.id === shownId) ?? null;
  const kindOf = (type: string) => kinds.find((k) => k.kind === type);

  return (
    <div>
      <div className="page-title">
        <span className="muted">草稿不占用文号；签发时分配文号并冻结文书；已签发的文书如有错误，出具更正文书。</span>
        <Flex gap={8}>
          <Button icon={<IdcardOutlined />} onClick={() => setFactsOpen(true)} disabled={archived}>
            案件信息
          </Button>
          <Dropdown
            disabled={archived}
            trigger={['click']}
            placement="bottomLeft"
            menu={{
              // Many kinds with their reasons are taller than the room below the button: the menu
              // scrolls inside half the window instead of flipping above it (issue 10).
              style: { maxHeight: 'calc(50vh - 48px)', overflowY: 'auto' },
              items: kinds.map((k) => ({
                key: k.kind,
                disabled: !k.available,
                label: (
                  <div style={{ maxWidth: 420 }}>
                    <div>{k.name}</div>
                    {!k.available && <div className="muted" style={{ fontSize: 12, whiteSpace: 'normal' }}>{k.reasons.join('；')}</div>}
                  </div>
                ),
              })),
              onClick: ({ key }) => {
                const k = kindOf(key);
                if (k) setForm({ kind: k, draft: null });
              },
            }}
          >
            <Button type="primary" icon={<FileTextOutlined />}>
              新建文书 <DownOutlined />
            </Button>
          </Dropdown>
          <Button icon={<FilePdfOutlined />} onClick={() => setNoticeOpen(true)} disabled={archived}>
            生成稽核通知书
          </Button>
        </Flex>
      </div>
      {error && <Alert type="error" showIcon title={error} className="section" />}
      <Table<DocumentListItem>
        size="small"
        rowKey="id"
        className="section"
        dataSource={docs}
        pagination={false}
        locale={{ emptyText: '尚未生成文书' }}
        rowClassName={(d) => (d.id === shownId ? 'ant-table-row-selected' : '')}
        onRow={(d) => ({ onClick: () => setShownId(d.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '文书', dataIndex: 'type', width: 150, render: (t: DocumentListItem['type']) => DOCUMENT_TYPE_NAMES[t] },
          { title: '文号', key: 'number', width: 200, render: (_, d) => numberText(d) },
          { title: '标题', dataIndex: 'title' },
          {
            title: '状态',
            key: 'state',
            width: 200,
            render: (_, d) => (
              <Flex gap={4} align="center" wrap>
                <DocumentStateTag doc={d} />
                {d.supersedes && <span className="muted">更正 {d.supersedes.number || '原文书'}</span>}
                {d.correctedBy?.status === 'issued' && <span className="muted">被 {d.correctedBy.number} 更正</span>}
              </Flex>
            ),
          },
          { title: '页数', dataIndex: 'pages', width: 60, align: 'right' },
          { title: '日期', key: 'date', width: 130, render: (_, d) => (d.fields?.issueDate ? chineseDate(d.fields.issueDate) : formatDateTime(d.createdAt)) },
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
      {shown && <DocumentDetail key={shown.id} doc={shown} kind={kindOf(shown.type)} onEdit={(d) => { const k = kindOf(d.type); if (k) setForm({ kind: k, draft: d }); }} onChanged={changed} />}
      <DocumentFormModal
        open={form !== null}
        caseId={caseId}
        kind={form?.kind ?? null}
        draft={form?.draft ?? null}
        documents={docs}
        onClose={() => setForm(null)}
        onDrafted={(d) => {
          setForm(null);
          changed(d.id);
        }}
      />
      <CaseFactsModal
        open={factsOpen}
        caseId={caseId}
        onClose={() => setFactsOpen(false)}
        onSaved={() => {
          setFactsOpen(false);
          void reload();
        }}
      />
      <NoticeFormModal
        open={noticeOpen}
        detail={detail}
        onClose={() => setNoticeOpen(false)}
        onGenerated={(doc) => {
          setNoticeOpen(false);
          changed(doc.id);
        }}
      />
    </div>
  );
}
