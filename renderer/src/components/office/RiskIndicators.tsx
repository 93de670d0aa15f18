// The risk indicators of one employer (DOMAIN.md §10.2) as a table: value, threshold,
// contribution and where the value comes from; the score and the tier (with an override, both the
// computed tier and the section head's with the reason). Used by the ranked list and a case's
// pre-audit analysis.
import { Descriptions, Table, Tag, Typography } from 'antd';
import type { RiskRow } from '../../../../shared/api/dto/risk';
import { DRAW_TIER_NAMES, type DrawTier } from '../../../../shared/rules/draw';
import { formatDateTime } from '../../format';

export const TIER_COLORS: Readonly<Record<DrawTier, string>> = { high: 'red', medium: 'orange', low: 'blue' };

export function TierTag({ tier }: { tier: DrawTier }) {
  return <Tag color={TIER_COLORS[tier]}>{DRAW_TIER_NAMES[tier]}</Tag>;
}

/** The effective tier, with the computed one struck through when overridden. */
export function RiskTierCell({ row }: { row: RiskRow }) {
  if (!row.override) return <TierTag tier={row.tier} />;
  return (
    <span>
      <TierTag tier={row.tier} />
      <Typography.Text delete type="secondary">
        {DRAW_TIER_NAMES[row.computedTier]}
      </Typography.Text>{' '}
      <Tag>已调整</Tag>
    </span>
  );
}

type Indicator = RiskRow['indicators'][number];

export function RiskIndicators({ row }: { row: RiskRow }) {
  return (
    <div>
      <Table<Indicator>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={row.indicators}
        columns={[
          { title: '指标', dataIndex: 'name', width: 220 },
          { title: '数值', dataIndex: 'value', width: 110, render: (v: string, i) => (i.triggered ? <strong style={{ color: '#cf1322' }}>{v}</strong> : v) },
          { title: '阈值', dataIndex: 'threshold', width: 170 },
          { title: '贡献', dataIndex: 'contribution', width: 90, align: 'right', render: (c: number, i) => `${c} / ${i.weight}` },
          { title: '数据来源', dataIndex: 'note', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <strong>风险分值</strong>（指标参数第 {row.paramsVersion} 版）
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <strong>{row.score}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4}>
              计算等级 <TierTag tier={row.computedTier} />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {row.override && (
        <Descriptions size="small" column={3} className="section" style={{ marginTop: 8 }}>
          <Descriptions.Item label="调整后等级">
            <TierTag tier={row.override.tier} />
          </Descriptions.Item>
          <Descriptions.Item label="调整人">
            {row.override.by}（{formatDateTime(row.override.at)}）
          </Descriptions.Item>
          <Descriptions.Item label="调整理由">{row.override.reason}</Descriptions.Item>
        </Descriptions>
      )}
    </div>
  );
}
