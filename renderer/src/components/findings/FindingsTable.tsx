// One kind of finding as a table: who, which month, the kind's own columns, the judgment state,
// and the actions — 推导 (the derivation drawer), 认定, 豁免 and 撤销豁免 where they apply.
import { Button, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import type { ExemptionRecord, FindingJudgment } from '../../../../shared/api/dto';
import { exemptionInForce, judgmentsOf, type PaperFinding } from './model';
import { JudgmentStatus } from './JudgmentStatus';

interface Props<T extends PaperFinding> {
  findings: T[];
  columns: TableColumnsType<T>;
  judgments: FindingJudgment[];
  exemptions: ExemptionRecord[];
  /** False when the case cannot change (archived) or the user may not judge. */
  canJudge: boolean;
  empty: string;
  testId: string;
  onDerive: (f: T) => void;
  onJudge: (f: T, decision: 'accepted' | 'exempted') => void;
  onRevoke: (exemption: ExemptionRecord) => void;
}

export function FindingsTable<T extends PaperFinding>({ findings, columns, judgments, exemptions, canJudge, empty, testId, onDerive, onJudge, onRevoke }: Props<T>) {
  return (
    <Table<T>
      size="small"
      bordered
      rowKey="key"
      dataSource={findings}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      data-testid={testId}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 80 },
        { title: '身份证号', dataIndex: 'personId', width: 170, render: (v: string) => <span className="mono">{v}</span> },
        { title: '月份', dataIndex: 'month', width: 76 },
        ...columns,
        ...(findings.some((f) => f.judgeable)
          ? [
              {
                title: '认定',
                key: 'status',
                width: 150,
                render: (_: unknown, f: T) => {
                  if (!f.judgeable) return '—';
                  const list = judgmentsOf(judgments, f.key);
                  return <JudgmentStatus latest={list[list.length - 1]} exemption={f.exemptible ? exemptionInForce(exemptions, f.personId, f.month) : null} />;
                },
              },
            ]
          : []),
        {
          title: '操作',
          key: 'actions',
          width: 220,
          render: (_: unknown, f: T) => {
            const inForce = f.exemptible ? exemptionInForce(exemptions, f.personId, f.month) : null;
            return (
              <Space size={0} wrap>
                <Button size="small" type="link" onClick={() => onDerive(f)}>
                  推导
                </Button>
                {canJudge && f.judgeable && !inForce && (
                  <Button size="small" type="link" onClick={() => onJudge(f, 'accepted')}>
                    认定
                  </Button>
                )}
                {canJudge && f.exemptible && !inForce && (
                  <Button size="small" type="link" onClick={() => onJudge(f, 'exempted')}>
                    豁免
                  </Button>
                )}
                {canJudge && inForce && (
                  <Popconfirm title="撤销这项豁免？补缴将重新计算。" okText="撤销豁免" cancelText="取消" onConfirm={() => onRevoke(inForce)}>
                    <Button size="small" type="link">
                      撤销豁免
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
