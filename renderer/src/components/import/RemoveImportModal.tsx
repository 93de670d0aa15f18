// Taking a wrongly imported file back out of the case before review (issue 10). The reason is
// required and goes into the trail with the file's name, SHA-256 and rows; the backend refuses
// once the findings were approved. Replacing a file is removing it and importing the right one.
import { useEffect, useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import type { SourceFile } from '../../../../shared/api/dto';
import { IMPORT_KIND_NAMES } from '../../../../shared/domain/importReport';
import { call, errorText } from '../../api/client';

interface Props {
  file: SourceFile | null;
  onCancel: () => void;
  onRemoved: (file: SourceFile) => void;
}

export function RemoveImportModal({ file, onCancel, onRemoved }: Props) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [file]);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await call('imports.remove', { sourceFileId: file.id, removalReason: reason.trim() });
      onRemoved(file);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={file !== null}
      title={file ? `删除导入的${IMPORT_KIND_NAMES[file.kind]}：${file.fileName}` : ''}
      okText="删除此文件"
      cancelText="取消"
      okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: busy }}
      onCancel={onCancel}
      onOk={() => void submit()}
      destroyOnHidden
    >
      {file && (
        <Typography.Paragraph>
          将删除该文件及其 <b>{file.rows.toLocaleString('zh-CN')}</b> 行数据（{file.report.persons} 人，
          {file.report.months.length ? `${file.report.months[0]}～${file.report.months[file.report.months.length - 1]}` : '无月份'}）。删除记入操作记录（文件名、SHA-256、行数和原因），科室负责人审核后不能再删除。
          如需替换，删除后在上方重新导入正确的文件。
        </Typography.Paragraph>
      )}
      <Input.TextArea rows={3} maxLength={500} placeholder="删除的原因（必填），如：误导入其他单位的工资表" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="删除原因" />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
