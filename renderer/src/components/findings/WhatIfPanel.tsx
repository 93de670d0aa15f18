// 测算 (what-if): the case's totals next to those under another as-of date, late-fee cap or base
// rule (findings.whatIf). Nothing is stored; the case keeps its figures until the plan or the
// judgments change. All figures, including the difference, come from the backend.
import { useState } from 'react';
import { Alert, Button, Flex, Form, Select, Table } from 'antd';
import dayjs from 'dayjs';
import type { WhatIfComparison } from '../../../../shared/api/dto/findings';
import { call, errorText } from '../../api/client';
import { Money } from '../Money';
import { DateField } from '../DateField';

type Totals = WhatIfComparison['current']['totals'];
const TOTAL_ROWS: { key: keyof Totals; label: string }[] = [
  { key: 'employer', label: '单位补缴' },
  { key: 'employee', label: '个人补缴' },
  { key: 'backPay', label: '补缴合计' },
  { key: 'lateFee', label: '滞纳金' },
  { key: 'total', label: '总计' },
];

type CapChoice = 'plan' | 'none' | 'principal';
type RuleChoice = 'plan' | 'monthly' | 'annual-1' | 'annual-7';

const CAP_NAMES = { none: '不设上限', principal: '以本金为上限' } as const;

interface Values {
  asOf: dayjs.Dayjs;
  cap: CapChoice;
  rule: RuleChoice;
}

export function WhatIfPanel({ caseId, asOf }: { caseId: number; asOf: string }) {
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<WhatIfComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      setResult(
        await call('findings.whatIf', {
          caseId,
          whatIfAsOf: v.asOf.format('YYYY-MM-DD'),
          ...(v.cap !== 'plan' ? { lateFeeCap: v.cap } : {}),
          ...(v.rule === 'monthly' ? { baseRule: { kind: 'monthly' as const } } : {}),
          ...(v.rule === 'annual-1' ? { baseRule: { kind: 'annual' as const, yearStartMonth: 1 as const } } : {}),
          ...(v.rule === 'annual-7' ? { baseRule: { kind: 'annual' as const, yearStartMonth: 7 as const } } : {}),
        }),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="what-if">
      <Alert type="info" showIcon className="section" title="测算只显示结果，不改变本案：本案金额仍按缴费政策和计算截止日计算。" />
      <Form<Values>
        form={form}
        layout="inline"
        name="whatIf"
        initialValues={{ asOf: dayjs(asOf), cap: 'plan', rule: 'plan' }}
        onFinish={(v) => void run(v)}
        className="section"
      >
        <Form.Item name="asOf" label="测算截止日">
          <DateField allowClear={false} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="cap" label="滞纳金上限">
          <Select
            style={{ width: 170 }}
            options={[
              { value: 'plan', label: '按缴费政策' },
              { value: 'none', label: CAP_NAMES.none },
              { value: 'principal', label: CAP_NAMES.principal },
            ]}
          />
        </Form.Item>
        <Form.Item name="rule" label="基数规则">
          <Select
            style={{ width: 230 }}
            options={[
              { value: 'plan', label: '按缴费政策' },
              { value: 'monthly', label: '按月（当月应发工资）' },
              { value: 'annual-1', label: '按年（上年度月平均，1月起）' },
              { value: 'annual-7', label: '按年（上年度月平均，7月起）' },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            测算
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} className="section" />}
      {result && (
        <Flex vertical gap={8}>
          <Table<(typeof TOTAL_ROWS)[number]>
            size="small"
            bordered
            rowKey="key"
            pagination={false}
            dataSource={TOTAL_ROWS}
            data-testid="what-if-table"
            style={{ maxWidth: 860 }}
            columns={[
              { title: '金额（元）', dataIndex: 'label', width: 110 },
              {
                title: `本案（截至 ${result.current.asOf}，${CAP_NAMES[result.current.lateFeeCap]}，${result.current.baseRuleName}）`,
                key: 'current',
                align: 'right',
                render: (_, r) => <Money value={result.current.totals[r.key]} />,
              },
              {
                title: `测算（截至 ${result.whatIf.asOf}，${CAP_NAMES[result.whatIf.lateFeeCap]}，${result.whatIf.baseRuleName}）`,
                key: 'whatIf',
                align: 'right',
                render: (_, r) => <Money value={result.whatIf.totals[r.key]} />,
              },
              { title: '差额', key: 'diff', align: 'right', width: 120, render: (_, r) => <Money value={result.difference[r.key]} dimZero /> },
            ]}
          />
          <span className="muted">
            补缴人次：本案 {result.current.rows}，测算 {result.whatIf.rows}
          </span>
        </Flex>
      )}
    </div>
  );
}
