// One document of the case: its life (草稿 / 已签发 / 已更正, what it corrects or what corrected it),
// the actions that fit — 修改草稿, 签发 (after a confirmation: the number is allocated and the
// document frozen), 更正 (a reason, then a new draft citing this one), 下载 XLSX for the schedule,
// 打印 — and side by side the preview drawn from its model and the PDF itself.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Input, Row, Spin } from 'antd';
import { EditOutlined, FileExcelOutlined, PrinterOutlined, SafetyCertificateOutlined, DiffOutlined } from '@ant-design/icons';
import { DOCUMENT_TYPE_NAMES } from '../../../../shared/api/dto';
import type { DocumentKindStatus, DocumentListItem } from '../../../../shared/api/dto/documents';
import type { DocumentModel } from '../../../../shared/documents/model';
import { call, errorText } from '../../api/client';
import { PdfViewer } from '../PdfViewer';
import { ModelPreview } from './ModelPreview';
import { DocumentStateTag, documentLabel } from './DocumentStateTag';

interface Props {
  doc: DocumentListItem;
  kind: DocumentKindStatus | undefined;
  onEdit: (doc: DocumentListItem) => void;
  onChanged: (shownId: number) => void;
}

function saveBytes(fileName: string, data: Uint8Array, type: string) {
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DocumentDetail({ doc, kind, onEdit, onChanged }: Props) {
  const [model, setModel] = useState<DocumentModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pdfBox = useRef<HTMLDivElement>(null);
  const { modal, message } = App.useApp();
  const name = DOCUMENT_TYPE_NAMES[doc.type];

  useEffect(() => {
    let cancelled = false;
    setModel(null);
    setError(null);
    call('documents.model', { documentId: doc.id })
      .then((m) => !cancelled && setModel(m))
      .catch((e: unknown) => !cancelled && setError(errorText(e)));
    return () => {
      cancelled = true;
    };
  }, [doc.id, doc.sha256]);

  const issue = () => {
    modal.confirm({
      title: `签发${name}？`,
      content: kind?.numbered
        ? `签发时将按${name}本年度的顺序分配文号，文书的内容、PDF 及其哈希值随即冻结，不能再修改或删除；如有错误，只能另行出具更正文书。`
        : `签发后文书的内容、PDF 及其哈希值随即冻结，不能再修改或删除；如有错误，只能另行出具更正文书。`,
      okText: '签发',
      cancelText: '取消',
      onOk: async () => {
        try {
          const issued = await call('documents.issue', { documentId: doc.id });
          message.success(`已签发${name}${issued.number ? ` ${issued.number}` : ''}`);
          onChanged(issued.id);
        } catch (e) {
          modal.error({ title: '未能签发', content: errorText(e) });
        }
      },
    });
  };

  const correct = () => {
    let reason = '';
    modal.confirm({
      title: `更正${name} ${doc.number}`,
      content: (
        <div>
          <p>更正将生成一份新的{name}草稿，引用本文书；本文书保留不变，新文书签发后本文书标为“已更正”。</p>
          <Input.TextArea aria-label="更正原因" placeholder="更正原因（必填）" autoSize={{ minRows: 2 }} onChange={(e) => (reason = e.target.value)} />
        </div>
      ),
      okText: '生成更正草稿',
      cancelText: '取消',
      onOk: async () => {
        try {
          const d = await call('documents.correct', { documentId: doc.id, reason });
          message.success('已生成更正草稿');
          onChanged(d.id);
        } catch (e) {
          message.error(errorText(e));
          throw e;
        }
      },
    });
  };

  const downloadXlsx = async () => {
    setBusy(true);
    try {
      const x = await call('documents.xlsx', { documentId: doc.id });
      saveBytes(x.fileName, x.data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // In a browser the PDF viewer inside the frame prints the PDF itself; Electron's own viewer has
  // its print button in the frame, so 打印 is offered only outside Electron (as PdfViewer does for 打开).
  const print = () => pdfBox.current?.querySelector('iframe')?.contentWindow?.print();
  const canPrint = window.api?.runtime !== 'electron';
  const current = doc.status === 'issued' && doc.correctedBy === null;

  return (
    <Card
      size="small"
      className="section"
      title={
        <Flex gap={8} align="center">
          <span>{documentLabel(doc)}</span>
          <DocumentStateTag doc={doc} />
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          {doc.status === 'draft' && (
            <>
              <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(doc)}>
                修改草稿
              </Button>
              <Button size="small" type="primary" icon={<SafetyCertificateOutlined />} onClick={issue}>
                签发
              </Button>
            </>
          )}
          {current && (
            <Button size="small" icon={<DiffOutlined />} onClick={correct}>
              更正
            </Button>
          )}
          {doc.hasXlsx && (
            <Button size="small" icon={<FileExcelOutlined />} loading={busy} onClick={() => void downloadXlsx()}>
              下载 XLSX
            </Button>
          )}
          {canPrint && (
            <Button size="small" icon={<PrinterOutlined />} onClick={print}>
              打印
            </Button>
          )}
        </Flex>
      }
    >
      {doc.supersedes && <Alert type="info" showIcon className="section" title={`本文书更正 ${doc.supersedes.number || '原文书'}；更正原因：${doc.supersedes.reason}`} />}
      {doc.correctedBy && (
        <Alert
          type={doc.correctedBy.status === 'issued' ? 'warning' : 'info'}
          showIcon
          className="section"
          title={doc.correctedBy.status === 'issued' ? `本文书已被 ${doc.correctedBy.number} 更正` : '本文书的更正草稿尚未签发'}
        />
      )}
      {doc.status === 'draft' && kind?.issueBlocker && <Alert type="warning" showIcon className="section" title={kind.issueBlocker} />}
      <Row gutter={12}>
        <Col xs={24} xl={12}>
          <div className="muted" style={{ marginBottom: 4 }}>
            预览（由文书模型直接绘制，与打印内容一致）
          </div>
          {error && <Alert type="error" showIcon title="无法显示预览" description={error} />}
          {!error && !model && (
            <Spin>
              <div style={{ height: 120 }} />
            </Spin>
          )}
          {model && <ModelPreview model={model} draft={doc.status === 'draft'} />}
        </Col>
        <Col xs={24} xl={12} ref={pdfBox}>
          <PdfViewer key={`${doc.id}-${doc.sha256}`} documentId={doc.id} title={`PDF（${doc.pages} 页）`} />
        </Col>
      </Row>
    </Card>
  );
}
