// 数据导入: one card per kind of file (工资表, 缴费申报明细), and what has been imported so far.
import { Alert, Button, Col, Row } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { CaseDetail } from '../../../shared/api/dto';
import { MappedImportCard } from './import/MappedImportCard';
import { IdJoinSuggestions } from './import/IdJoinSuggestions';
import { ImportedFilesTable } from './ImportedFilesTable';
import { RosterSection } from './roster/RosterSection';

interface Props {
  detail: CaseDetail;
  onImported: () => void;
  onShowResults: () => void;
}

export function ImportPanel({ detail, onImported, onShowResults }: Props) {
  const hasPayroll = detail.files.some((f) => f.kind === 'payroll');
  const hasDeclaration = detail.files.some((f) => f.kind === 'declaration');
  const next = !hasPayroll ? '下一步：导入单位的工资表。' : !hasDeclaration ? '下一步：导入缴费申报明细（从征缴系统导出）。' : null;
  return (
    <div>
      {next ? (
        <Alert type="info" showIcon title={next} className="section" />
      ) : (
        <Alert
          type="success"
          showIcon
          className="section"
          title="工资表和缴费申报明细都已导入，可以查看比对结果和补缴金额。"
          action={
            <Button type="primary" size="small" icon={<ArrowRightOutlined />} onClick={onShowResults}>
              查看稽核结果
            </Button>
          }
        />
      )}
      {/* One card per row: an import report (sheets, columns, grouped issues) needs the full width. */}
      <Row gutter={[16, 16]} className="section">
        <Col span={24}>
          <MappedImportCard caseId={detail.case.id} kind="payroll" onImported={onImported} />
        </Col>
        <Col span={24}>
          <MappedImportCard caseId={detail.case.id} kind="declaration" onImported={onImported} />
        </Col>
      </Row>
      <IdJoinSuggestions caseId={detail.case.id} version={detail.files.length} onJoined={onImported} />
      <ImportedFilesTable files={detail.files} canRemove={detail.case.state !== 'archived'} onRemoved={onImported} />
      <RosterSection detail={detail} onImported={onImported} />
    </div>
  );
}
