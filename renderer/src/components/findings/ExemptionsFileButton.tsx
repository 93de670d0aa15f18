// 从文件导入豁免: the auditor's exemptions as a CSV or JSON file, the format `jihe compute
// --exempt` reads (身份证号, 月份, 原因, 备注); the backend reads it in the bounded import worker
// and adds every record in one transaction, or none with each problem named by line.
import { useState } from 'react';
import { Alert, App, Button, Modal, Tooltip, Upload } from 'antd';
import { call, errorText } from '../../api/client';

const FORMAT_HINT = 'CSV（UTF-8 或 GBK）表头：身份证号、月份、原因、备注；月份空＝整个稽核期间，可写 2024-01;2024-03 或 2024-01~2024-06；原因：退休返聘、实习学生、已在他处参保、其他（需备注）。也可为 JSON。';

export function ExemptionsFileButton({ caseId, onImported }: { caseId: number; onImported: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const read = async (file: File) => {
    setBusy(true);
    try {
      const r = await call('exemptions.importFile', { caseId, fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      message.success(`已从《${file.name}》导入 ${r.added} 条豁免（${r.persons} 人）`);
      onImported();
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Tooltip title={FORMAT_HINT}>
        <Upload
          accept=".csv,.txt,.json"
          showUploadList={false}
          beforeUpload={(file) => {
            void read(file);
            return false;
          }}
        >
          <Button size="small" loading={busy} data-testid="exemptions-file">
            从文件导入豁免
          </Button>
        </Upload>
      </Tooltip>
      <Modal title="豁免文件未导入" open={problem !== null} onCancel={() => setProblem(null)} footer={null} width={720}>
        <Alert type="error" showIcon data-testid="exemptions-file-problem" title={<div style={{ whiteSpace: 'pre-wrap' }}>{problem}</div>} />
        <p className="muted" style={{ marginTop: 12 }}>
          {FORMAT_HINT}
        </p>
      </Modal>
    </>
  );
}
