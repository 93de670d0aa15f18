// A case's pre-audit analysis (审前分析, seed 001 一（四）; DOMAIN.md §10.2): the employer's risk
// indicators for the case's year, computed from what the workstation holds (this case's own
// planned state does not count as an earlier audit), with the tier and any override.
import { Alert, Skeleton } from 'antd';
import type { CaseDetail } from '../../../../shared/api/dto';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { RiskIndicators, RiskTierCell } from './RiskIndicators';

export function PreAuditAnalysis({ detail }: { detail: CaseDetail }) {
  // Only employer audits have a pre-audit analysis; the tab is not shown for institution checks.
  const employer = detail.employer;
  return employer ? <EmployerAnalysis detail={detail} employer={employer} /> : null;
}

function EmployerAnalysis({ detail, employer }: { detail: CaseDetail; employer: NonNullable<CaseDetail['employer']> }) {
  const year = Number(detail.case.createdAt.slice(0, 4));
  const risk = useQuery(() => call('risk.employer', { employerId: employer.id, year, caseId: detail.case.id }), [employer.id, year, detail.case.id]);
  if (risk.error) return <Alert type="error" showIcon title={risk.error} />;
  if (!risk.data) return <Skeleton active />;
  const r = risk.data;
  return (
    <div>
      <Alert
        type="info"
        showIcon
        className="section"
        title={
          <span>
            {employer.name}（{r.industry || '行业未填'}，{r.region || '地区未填'}）{year} 年度风险分值 {r.score}，风险等级 <RiskTierCell row={r} />
          </span>
        }
        description="指标由本机已有的申报明细、行业平均工资表、举报登记和以往稽核结果计算；行业平均工资在“风险筛查”页维护。"
      />
      <RiskIndicators row={r} />
    </div>
  );
}
