// Every exemption recorded in the case, in force or revoked, with who recorded it; one can be
// revoked (also recorded).
import { App, Button, Popconfirm, Table, Tag } from 'antd';
import type { ExemptionRecord } from '../../../../shared/api/dto';
import { EXEMPTION_REASON_NAMES } from '../../../../shared/domain/lines';
import { call, errorText } from '../../api/client';
import { formatDateTime } from '../../format';

export function ExemptionsTable({ records, onChanged }: { records: ExemptionRecord[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const revoke = async (id: number) => {
    try {
      await call('exemptions.revoke', { exemptionId: id });
      message.success('已撤销豁免');
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Table<ExemptionRecord>
      size="small"
      bordered
      rowKey="id"
      dataSource={records}
      pagination={false}
      title={() => '豁免记录'}
      data-testid="exemptions-table"
      locale={{ emptyText: '没有豁免记录' }}
      columns={[
        { title: '身份证号', dataIndex: 'personId', width: 180, render: (v: string) => <span className="mono">{v}</span> },
        { title: '月份', dataIndex: 'months', width: 160, render: (m: string[] | null) => (m ? m.join('、') : '整个稽核期间') },
        { title: '原因', dataIndex: 'reason', width: 110, render: (r: ExemptionRecord['reason']) => EXEMPTION_REASON_NAMES[r] },
        { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
        { title: '记录人', key: 'by', width: 170, render: (_, r) => `${r.createdBy} ${formatDateTime(r.createdAt)}` },
        {
          title: '状态',
          key: 'state',
          width: 200,
          render: (_, r) =>
            r.revokedAt ? (
              <Tag>已撤销（{r.revokedBy} {formatDateTime(r.revokedAt)}）</Tag>
            ) : (
              <span>
                <Tag color="green">有效</Tag>
                <Popconfirm title="撤销这项豁免？补缴将重新计算。" okText="撤销" cancelText="取消" onConfirm={() => revoke(r.id)}>
                  <Button size="small" type="link">
                    撤销
                  </Button>
                </Popconfirm>
              </span>
            ),
        },
      ]}
    />
  );
}
