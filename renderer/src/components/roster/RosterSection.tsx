// 花名册与人数比对: the roster import card (the same card, progress and report as the other
// files), the roster files taken so far, and the per-month headcount comparison, which is
// reloaded whenever any file of the case is imported.
import { useState } from 'react';
import { Alert, Card, Col, Row, Spin, Table } from 'antd';
import type { CaseDetail, SourceFile } from '../../../../shared/api/dto';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../format';
import { ImportCard } from '../ImportCard';
import { HeadcountTable } from './HeadcountTable';

export function RosterSection({ detail, onImported }: { detail: CaseDetail; onImported: () => void }) {
  const caseId = detail.case.id;
  const [version, setVersion] = useState(0);
  const files = useQuery(() => call('roster.files', { caseId }), [caseId, version]);
  const headcount = useQuery(() => call('roster.headcount', { caseId }), [caseId, version, detail.files.length]);
  const imported = () => {
    setVersion((v) => v + 1);
    onImported();
  };

  return (
    <div className="section" data-testid="roster-section" style={{ marginTop: 16 }}>
      <Row gutter={16} className="section">
        <Col span={12}>
          <ImportCard caseId={caseId} kind="roster" onImported={imported} />
        </Col>
        <Col span={12}>
          <Card size="small" title="已导入的花名册" data-testid="roster-files">
            <Table<SourceFile>
              size="small"
              rowKey="id"
              dataSource={files.data ?? []}
              loading={files.loading}
              pagination={false}
              locale={{ emptyText: '尚未导入花名册（可选）：导入后可按月比对花名册、工资表和申报人数' }}
              columns={[
                { title: '文件名', dataIndex: 'fileName' },
                { title: '人员行数', dataIndex: 'rows', width: 90, align: 'right' },
                { title: '导入时间', dataIndex: 'importedAt', width: 150, render: (v: string) => formatDateTime(v) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="人数比对（花名册 / 工资表 / 参保申报，按月）">
        {headcount.error && <Alert type="error" showIcon title="人数比对失败" description={headcount.error} />}
        {!headcount.data && headcount.loading && <Spin />}
        {headcount.data && <HeadcountTable headcount={headcount.data} />}
      </Card>
    </div>
  );
}
