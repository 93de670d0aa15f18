// The statistics charts (DOMAIN.md §11) with recharts (SVG drawn by React: no remote fonts or
// scripts, fine under the CSP): per month (checks; amounts ordered and recovered), per region,
// per source, and rectifications completed vs overdue. Clicking a bar opens its cases.
import { Card, Col, Row } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CASE_SOURCE_NAMES } from '../../../../shared/api/dto';
import type { StatsReportDto } from '../../../../shared/api/dto/statistics';

type Charts = StatsReportDto['charts'];

const yuan = (fen: number) => Math.round(fen) / 100;

interface BarSeries {
  key: string;
  name: string;
  color: string;
}

const CHART_HEIGHT = 220;
const BY_TARGET: BarSeries[] = [
  { key: 'employerChecks', name: '参保单位', color: '#1677ff' },
  { key: 'institutionChecks', name: '定点医药机构', color: '#13c2c2' },
];

/** One bar chart of counts in a card; clicking a bar opens the cases behind it. */
function CountBars(props: { title: string; data: object[]; xKey: string; bars: BarSeries[]; stacked?: boolean; onBar: (d: unknown) => void }) {
  const { title, data, xKey, bars, stacked, onBar } = props;
  return (
    <Card size="small" title={title}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={xKey} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          {bars.length > 1 && <Legend />}
          {bars.map((b) => (
            <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.color} onClick={onBar} isAnimationActive={false} {...(stacked ? { stackId: 'a' } : {})} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Card>
  );
}

export function StatsCharts(props: { charts: Charts; onOpen(title: string, caseIds: number[]): void }) {
  const { charts, onOpen } = props;
  const perMonth = charts.perMonth.map((m) => ({ ...m, label: `${Number(m.month.slice(5))}月`, ordered: yuan(m.orderedFen), recovered: yuan(m.recoveredFen) }));
  const perSource = charts.perSource.map((s) => ({ ...s, label: CASE_SOURCE_NAMES[s.source] }));
  const rect = [
    { label: '已完成整改', count: charts.rectification.completed, caseIds: charts.rectification.completedCaseIds },
    { label: '逾期未整改', count: charts.rectification.overdue, caseIds: charts.rectification.overdueCaseIds },
  ];
  const open = (title: string) => (d: unknown) => {
    const p = (d as { payload?: { caseIds?: number[] } }).payload;
    if (p?.caseIds) onOpen(title, p.caseIds);
  };
  return (
    <Row gutter={[12, 12]} aria-label="统计图表">
      <Col span={12}>
        <CountBars title="每月检查（归档）数" data={perMonth} xKey="label" bars={BY_TARGET} stacked onBar={open('当月检查')} />
      </Col>
      <Col span={12}>
        <Card size="small" title="每月责令补缴与追回金额（元）">
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <LineChart data={perMonth}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis />
              <Tooltip />
              <Legend />
              <Line dataKey="ordered" name="责令补缴" stroke="#fa8c16" isAnimationActive={false} />
              <Line dataKey="recovered" name="已追回" stroke="#52c41a" isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </Card>
      </Col>
      <Col span={8}>
        <CountBars title="各地区累计检查数" data={charts.perRegion} xKey="region" bars={BY_TARGET} onBar={open('地区累计检查')} />
      </Col>
      <Col span={8}>
        <CountBars title="按案件来源累计检查数" data={perSource} xKey="label" bars={[{ key: 'checks', name: '检查数', color: '#722ed1' }]} onBar={open('按来源累计检查')} />
      </Col>
      <Col span={8}>
        <CountBars title="整改情况（累计）" data={rect} xKey="label" bars={[{ key: 'count', name: '单位数', color: '#eb2f96' }]} onBar={open('整改情况')} />
      </Col>
    </Row>
  );
}
