// Back-pay per insurance type, employer and employee parts.
import { Table } from 'antd';
import type { ComputeResultDto } from '../../../../shared/api/dto';
import { INSURANCE_CODES, INSURANCE_NAMES, type InsuranceCode } from '../../../../shared/domain/insurance';
import { moneyColumn } from '../Money';

interface Line {
  code: string;
  employer: string;
  employee: string;
}

function insuranceName(code: string): string {
  return (INSURANCE_CODES as readonly string[]).includes(code) ? INSURANCE_NAMES[code as InsuranceCode] : code;
}

export function ByInsuranceTable({ byInsurance }: { byInsurance: ComputeResultDto['byInsurance'] }) {
  const order = (code: string) => {
    const i = (INSURANCE_CODES as readonly string[]).indexOf(code);
    return i < 0 ? 99 : i;
  };
  const lines: Line[] = Object.entries(byInsurance)
    .map(([code, v]) => ({ code, ...v }))
    .sort((a, b) => order(a.code) - order(b.code));
  return (
    <Table<Line>
      size="small"
      bordered
      rowKey="code"
      pagination={false}
      dataSource={lines}
      title={() => '分险种补缴'}
      columns={[
        { title: '险种', dataIndex: 'code', width: 132, render: (c: string) => insuranceName(c) },
        moneyColumn<Line>('单位', (l) => l.employer, { width: 90 }),
        moneyColumn<Line>('个人', (l) => l.employee, { width: 90 }),
      ]}
    />
  );
}
