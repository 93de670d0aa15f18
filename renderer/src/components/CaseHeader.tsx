// The case at a glance: number, employer, period, rate plan (examples flagged), source, state, and
// the case's cut-off date (计算截止日) every tab computes to, with whether the figures are the
// approved (or, archived, frozen) snapshot.
import { useState } from 'react';
import { Button, Descriptions, Tag } from 'antd';
import { CASE_SOURCE_NAMES, type CaseDetail } from '../../../shared/api/dto';
import type { CaseFigures } from '../../../shared/api/dto/figures';
import { AGREEMENT_STATUS_NAMES, INSTITUTION_KIND_NAMES } from '../../../shared/api/dto/institutions';
import { formatChineseDate } from '../../../shared/rules/month';
import { call } from '../api/client';
import { useQuery } from '../api/useQuery';
import { formatDateTime, formatPeriod } from '../format';
import { CaseStateTag } from './CaseStateTag';
import { CaseFiguresModal } from './CaseFiguresModal';

function FiguresState({ figures }: { figures: CaseFigures }) {
  if (figures.frozen) return <Tag color="default">已归档，金额已冻结</Tag>;
  if (figures.inForce) return <Tag color="green">审核通过的金额</Tag>;
  if (figures.approved) return <Tag color="orange">审核后已变更，需重新审核</Tag>;
  if (!figures.asOfSet) return <Tag color="blue">未设定，暂按今日</Tag>;
  return null;
}

export function CaseHeader({ detail, figures, onFiguresChanged }: { detail: CaseDetail; figures?: CaseFigures | undefined; onFiguresChanged?: () => void }) {
  const c = detail.case;
  const plans = useQuery(() => (c.ratePlanId === null ? Promise.resolve([]) : call('ratePlans.list', {})), [c.ratePlanId]);
  const plan = plans.data?.find((p) => p.id === c.ratePlanId);
  const [editing, setEditing] = useState(false);
  const inst = detail.institution;
  const employer = detail.employer;
  // The same header for both kinds of case: the target's lines come from its own record.
  const targetItems = inst
    ? [
        { key: 'number', label: '案件编号', children: <strong>{c.number}</strong> },
        { key: 'institution', label: '被检查机构', span: 2, children: <span>{inst.name} <span className="mono muted">{inst.creditCode}</span></span> },
        { key: 'state', label: '状态', children: <CaseStateTag state={c.state} /> },
        { key: 'period', label: '检查期间', children: formatPeriod(c.periodFrom, c.periodTo) },
        { key: 'kind', label: '机构类别', children: INSTITUTION_KIND_NAMES[inst.kind] },
        { key: 'insuranceCode', label: '医保编码', children: inst.insuranceCode || '—' },
        { key: 'agreement', label: '协议状态', children: `${AGREEMENT_STATUS_NAMES[inst.agreementStatus]}${inst.suspendedUntil ? `至${inst.suspendedUntil}` : ''}` },
        { key: 'source', label: '案件来源', children: CASE_SOURCE_NAMES[c.source] },
        { key: 'created', label: '立项时间', children: formatDateTime(c.createdAt) },
        { key: 'address', label: '地址', children: inst.address || '—' },
        { key: 'contact', label: '联系人', children: [inst.contact, inst.phone].filter(Boolean).join(' ') || '—' },
      ]
    : [
        { key: 'number', label: '案件编号', children: <strong>{c.number}</strong> },
        { key: 'employer', label: '被稽核单位', span: 2, children: <span>{employer?.name} <span className="mono muted">{employer?.creditCode}</span></span> },
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
        {
          key: 'asOf',
          label: '计算截止日',
          children: figures ? (
            <span data-testid="case-as-of">
              {formatChineseDate(figures.asOf)} <FiguresState figures={figures} />
              {!figures.frozen && onFiguresChanged && (
                <Button size="small" type="link" onClick={() => setEditing(true)}>
                  更改
                </Button>
              )}
            </span>
          ) : (
            '—'
          ),
        },
        { key: 'source', label: '案件来源', children: CASE_SOURCE_NAMES[c.source] },
        { key: 'created', label: '立项时间', children: formatDateTime(c.createdAt) },
        { key: 'address', label: '单位地址', children: employer?.address || '—' },
        { key: 'contact', label: '联系人', children: [employer?.contact, employer?.phone].filter(Boolean).join(' ') || '—' },
      ];
  return (
    <>
    <Descriptions
      size="small"
      bordered
      column={4}
      className="section"
      styles={{ label: { width: 110 }, content: { background: '#fff' } }}
      items={targetItems}
    />
    {figures && editing && (
      <CaseFiguresModal
        open
        figures={figures}
        plans={plans.data ?? []}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          onFiguresChanged?.();
        }}
      />
    )}
    </>
  );
}
