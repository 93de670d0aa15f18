// The statistics charts (DOMAIN.md §11) with recharts (SVG drawn by React: no remote fonts or
// scripts, fine under the CSP): per month (checks; amounts ordered and recovered), per region,
// per source, and rectifications completed vs overdue. Clicking a bar opens its cases.
import { Card, Col, Row } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CASE_SOURCE_NAMES } from '../../../../shared/api/dto';
import type { StatsReportDto } from '../../../../shared/api/dto/statistics';

type Charts = StatsReportDto['charts'];

const yuan = (fen: number) => Math.round(fen) / 100;

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
  const H = 220;
  return (
    <Row gutter={[12, 12]} aria-label="统计图表">
      <Col span={12}>
        <Card size="small" title="每月检查（归档）数">
          <ResponsiveContainer width="100%" height={H}>
            <BarChart data={perMonth}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="employerChecks" name="参保单位" stackId="a" fill="#1677ff" onClick={open('当月检查')} isAnimationActive={false} />
              <Bar dataKey="institutionChecks" name="定点医药机构" stackId="a" fill="#13c2c2" onClick={open('当月检查')} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title="每月责令补缴与追回金额（元）">
          <ResponsiveContainer width="100%" height={H}>
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
        <Card size="small" title="各地区累计检查数">
          <ResponsiveContainer width="100%" height={H}>
            <BarChart data={charts.perRegion}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="region" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="employerChecks" name="参保单位" fill="#1677ff" onClick={open('地区累计检查')} isAnimationActive={false} />
              <Bar dataKey="institutionChecks" name="定点医药机构" fill="#13c2c2" onClick={open('地区累计检查')} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title="按案件来源累计检查数">
          <ResponsiveContainer width="100%" height={H}>
            <BarChart data={perSource}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="checks" name="检查数" fill="#722ed1" onClick={open('按来源累计检查')} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title="整改情况（累计）">
          <ResponsiveContainer width="100%" height={H}>
            <BarChart data={rect}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name="单位数" fill="#eb2f96" onClick={open('整改情况')} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Card>
      </Col>
    </Row>
  );
}
