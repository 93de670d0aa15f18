// One rate plan in full (DOMAIN.md §5): the late-fee and due-date rules, the base rule, and for
// each period the insurances with rates as percentages and the base floor and ceiling in yuan.
import { Descriptions, Drawer, Table, Tag } from 'antd';
import type { RatePlanDetail as Detail } from '../../../../shared/api/dto/settings';
import type { PlanInsurance, RatePlan } from '../../../../shared/domain/ratePlan';
import { formatMoney, formatPeriod, formatRate } from '../../format';

/** A plan's number as the decimal text it was written with (0.0005 → "0.0005"). */
const decimalText = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(12).replace(/0+$/, ''));
export const percent = (v: number) => formatRate(decimalText(v));
export const yuan = (v: number) => formatMoney(v.toFixed(2));

export function baseRuleText(rule: RatePlan['baseRule'] | string): string {
  const kind = typeof rule === 'string' ? rule : rule.kind === 'monthly' ? 'monthly' : `annual-${rule.yearStartMonth}`;
  if (kind === 'monthly') return '按月核定（当月工资）';
  const m = /^annual-(\d+)$/.exec(kind);
  return m ? `按年度核定（${m[1]}月起，上年度月平均工资）` : kind;
}

export function lateFeeText(plan: RatePlan): string {
  return `每日 ${percent(plan.lateFeeDailyRate)}，${plan.lateFeeCap === 'principal' ? '不超过欠缴本金' : '不设上限'}`;
}

function dueText(plan: RatePlan): string {
  const month = plan.due.monthOffset === 0 ? '当月' : plan.due.monthOffset === 1 ? '次月' : `${plan.due.monthOffset}个月后`;
  return `${month}${plan.due.day === 'last' ? '最后一日' : `${plan.due.day}日`}前`;
}

/** Each period of the plan with its insurances: rates as percentages, floor and ceiling in yuan. */
export function PlanPeriodTables({ plan }: { plan: RatePlan }) {
  return (
    <>
      {plan.periods.map((period) => (
        <div key={period.from} className="section">
          <h4 style={{ margin: '8px 0' }}>{formatPeriod(period.from, period.to)}</h4>
          <Table<PlanInsurance>
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={period.insurances}
            columns={[
              { title: '险种', dataIndex: 'name' },
              { title: '单位费率', dataIndex: 'employerRate', align: 'right', render: (v: number) => percent(v) },
              { title: '个人费率', dataIndex: 'employeeRate', align: 'right', render: (v: number) => percent(v) },
              { title: '基数下限（元）', dataIndex: 'floor', align: 'right', render: (v: number) => yuan(v) },
              { title: '基数上限（元）', dataIndex: 'ceiling', align: 'right', render: (v: number) => yuan(v) },
            ]}
          />
        </div>
      ))}
    </>
  );
}

export function RatePlanDetailDrawer({ detail, onClose }: { detail: Detail | null; onClose: () => void }) {
  const plan = detail?.plan;
  return (
    <Drawer open={!!detail} onClose={onClose} size={880} title={plan ? <>缴费政策：{plan.name} {plan.example && <Tag color="orange">示例</Tag>}</> : ''} destroyOnHidden>
      {detail && plan && (
        <div data-testid="rate-plan-detail">
          <Descriptions size="small" bordered column={2} className="section">
            <Descriptions.Item label="地区">{plan.region}</Descriptions.Item>
            <Descriptions.Item label="适用期间">{formatPeriod(detail.summary.from, detail.summary.to)}</Descriptions.Item>
            <Descriptions.Item label="缴费基数规则">{baseRuleText(plan.baseRule)}</Descriptions.Item>
            <Descriptions.Item label="缴费截止日">{dueText(plan)}</Descriptions.Item>
            <Descriptions.Item label="滞纳金">{lateFeeText(plan)}</Descriptions.Item>
            <Descriptions.Item label="SHA-256">
              <span className="mono" style={{ fontSize: 11 }}>
                {detail.summary.sha256}
              </span>
            </Descriptions.Item>
            {plan.note && (
              <Descriptions.Item label="说明" span={2}>
                {plan.note}
              </Descriptions.Item>
            )}
          </Descriptions>
          <PlanPeriodTables plan={plan} />
        </div>
      )}
    </Drawer>
  );
}
