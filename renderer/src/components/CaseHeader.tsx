// The case at a glance: number, employer, period, rate plan (examples flagged), source, state.
import { Descriptions, Tag } from 'antd';
import { CASE_SOURCE_NAMES, type CaseDetail } from '../../../shared/api/dto';
import { call } from '../api/client';
import { useQuery } from '../api/useQuery';
import { formatDateTime, formatPeriod } from '../format';
import { CaseStateTag } from './CaseStateTag';

export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const c = detail.case;
  const plans = useQuery(() => call('ratePlans.list', {}), []);
  const plan = plans.data?.find((p) => p.id === c.ratePlanId);
  return (
    <Descriptions
      size="small"
      bordered
      column={4}
      className="section"
      styles={{ label: { width: 110 }, content: { background: '#fff' } }}
      items={[
        { key: 'number', label: '案件编号', children: <strong>{c.number}</strong> },
        { key: 'employer', label: '被稽核单位', span: 2, children: <span>{detail.employer.name} <span className="mono muted">{detail.employer.creditCode}</span></span> },
        { key: 'state', label: '状态', children: <CaseStateTag state={c.state} /> },
        { key: 'period', label: '稽核期间', children: formatPeriod(c.periodFrom, c.periodTo) },
        {
          key: 'plan',
          label: '缴费政策',
          span: 2,
          children: (
            <span>
              {c.ratePlanName}
              {plan?.example && (
                <Tag color="orange" style={{ marginLeft: 6 }} title={plan.note ?? undefined}>
                  示例
                </Tag>
              )}
            </span>
          ),
        },
        { key: 'source', label: '案件来源', children: CASE_SOURCE_NAMES[c.source] },
        { key: 'created', label: '立项时间', children: formatDateTime(c.createdAt) },
        { key: 'address', label: '单位地址', span: 2, children: detail.employer.address || '—' },
        { key: 'contact', label: '联系人', children: [detail.employer.contact, detail.employer.phone].filter(Boolean).join(' ') || '—' },
      ]}
    />
  );
}
