// 疑点明细: the hits of the latest screening run, filtered by rule and person, each with its
// derivation (drawer) and verdict; 认定 / 排除 (with a reason) / 待核实 for one hit, the ticked
// ones, every hit of a rule or every hit of a person, exactly like employer findings.
import { useMemo, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { HitDto, ScreeningResultDto } from '../../../../shared/api/dto/institutions';
import { VERDICT_NAMES } from '../../../../shared/api/dto/institutions';
import { RULE_CODES, RULE_NAMES, type RuleCode } from '../../../../shared/rules/screening/screen';
import { call, errorText } from '../../api/client';
import { formatMoney } from '../../format';

type Verdict = keyof typeof VERDICT_NAMES;
type Target = { keys: string[] } | { rule: RuleCode } | { personId: string };
const VERDICT_COLORS: Record<Verdict, string> = { confirmed: 'red', excluded: 'default', pending: 'orange' };

const rowText = (r: { file: string; sheet: string; row: number }) => `${r.file} · ${r.sheet} 第 ${r.row} 行`;

/** The catalog entry as the catalog file names its columns, with the row it came from. */
const CATALOG_LABELS: Record<string, string> = { itemCode: '项目编码', itemName: '项目名称', category: '类别', maxPrice: '最高单价', sexLimit: '限定性别', minAge: '最小年龄', maxAge: '最大年龄', dailyLimit: '每日限量' };
function catalogText(entry: Record<string, unknown>): string {
  const parts = Object.entries(CATALOG_LABELS)
    .filter(([k]) => entry[k] !== null && entry[k] !== undefined && entry[k] !== '')
    .map(([k, label]) => `${label} ${String(entry[k])}`);
  const ref = entry.ref as { file: string; sheet: string; row: number } | undefined;
  return `${parts.join('；')}${ref ? `（${rowText(ref)}）` : ''}`;
}

export function ScreeningHits({ caseId, result, readOnly, onJudged }: { caseId: number; result: ScreeningResultDto; readOnly: boolean; onJudged: () => void }) {
  const [rule, setRule] = useState<RuleCode | null>(null);
  const [person, setPerson] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [shown, setShown] = useState<HitDto | null>(null);
  const [excluding, setExcluding] = useState<Target | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const persons = useMemo(() => {
    const m = new Map<string, string>();
    for (const h of result.hits) m.set(h.personId, h.name);
    return [...m].map(([id, name]) => ({ value: id, label: `${name} ${id}` }));
  }, [result.hits]);
  const hits = result.hits.filter((h) => (!rule || h.rule === rule) && (!person || h.personId === person));

  const judge = async (target: Target, verdict: Verdict, why?: string) => {
    setBusy(true);
    setError(null);
    try {
      await call('screening.judge', { caseId, verdict, ...(why ? { reason: why } : {}), ...target });
      setSelected([]);
      onJudged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const ask = (target: Target, verdict: Verdict) => {
    if (verdict === 'excluded') {
      setReason('');
      setExcluding(target);
    } else void judge(target, verdict);
  };
  const buttons = (target: Target, what: string, testId: string) => (
    <Space size={4} data-testid={testId}>
      <Typography.Text type="secondary">{what}：</Typography.Text>
      <Button size="small" danger disabled={busy || readOnly} onClick={() => ask(target, 'confirmed')}>
        认定
      </Button>
      <Button size="small" disabled={busy || readOnly} onClick={() => ask(target, 'excluded')}>
        排除
      </Button>
      <Button size="small" disabled={busy || readOnly} onClick={() => ask(target, 'pending')}>
        待核实
      </Button>
    </Space>
  );

  return (
    <div data-testid="screening-hits">
      <Space wrap className="section">
        <Select<RuleCode | null>
          style={{ width: 200 }}
          value={rule}
          onChange={setRule}
          allowClear
          placeholder="全部规则"
          data-testid="hit-rule-filter"
          options={RULE_CODES.filter((c) => result.totals[c].hits > 0).map((c) => ({ value: c, label: `${c} ${RULE_NAMES[c]}（${result.totals[c].hits}）` }))}
        />
        <Select<string | null> style={{ width: 260 }} value={person} onChange={setPerson} allowClear showSearch optionFilterProp="label" placeholder="全部人员" options={persons} data-testid="hit-person-filter" />
        {selected.length > 0 && buttons({ keys: selected }, `所选 ${selected.length} 个疑点`, 'bulk-selected')}
        {rule && buttons({ rule }, `${rule} 全部 ${result.totals[rule].hits} 个`, 'bulk-rule')}
        {person && buttons({ personId: person }, '此人全部疑点', 'bulk-person')}
      </Space>
      {error && <Alert type="error" showIcon title={error} className="section" closable onClose={() => setError(null)} />}
      <Table<HitDto>
        size="small"
        rowKey="key"
        dataSource={hits}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        rowSelection={readOnly ? undefined : { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), preserveSelectedRowKeys: true }}
        columns={[
          { title: '规则', dataIndex: 'rule', width: 150, render: (c: RuleCode) => `${c} ${RULE_NAMES[c]}` },
          { title: '人员', key: 'person', width: 220, render: (_, h) => <span>{h.name} <span className="mono muted">{h.personId}</span></span> },
          { title: '所在行', key: 'rows', ellipsis: true, render: (_, h) => h.rows.map((r) => `${r.sheet}!${r.row}`).join('、') },
          { title: '违规金额', dataIndex: 'amount', width: 110, align: 'right', render: (v: string | null) => (v === null ? <Tag>待核定</Tag> : <span className="mono">{formatMoney(v)}</span>) },
          { title: '基金损失', dataIndex: 'fundLoss', width: 110, align: 'right', render: (v: string | null) => (v === null ? '—' : <span className="mono">{formatMoney(v)}</span>) },
          {
            title: '认定',
            key: 'verdict',
            width: 150,
            render: (_, h) => (h.verdict ? <span><Tag color={VERDICT_COLORS[h.verdict]}>{VERDICT_NAMES[h.verdict]}</Tag>{h.reason && <Typography.Text type="secondary">{h.reason}</Typography.Text>}</span> : <Typography.Text type="secondary">未认定</Typography.Text>),
          },
          {
            title: '',
            key: 'actions',
            width: 70,
            render: (_, h) => (
              <Button size="small" type="link" onClick={() => setShown(h)} data-testid="show-derivation">
                推导
              </Button>
            ),
          },
        ]}
      />
      <Drawer open={shown !== null} onClose={() => setShown(null)} size={560} title={shown ? `${shown.rule} ${RULE_NAMES[shown.rule]} · ${shown.name}` : ''} data-testid="derivation-drawer">
        {shown && (
          <>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'person', label: '人员', children: `${shown.name} ${shown.personId}` },
                { key: 'amount', label: '违规金额', children: shown.amount === null ? '待核定' : `${formatMoney(shown.amount)} 元` },
                { key: 'loss', label: '基金损失', children: shown.fundLoss === null ? '—' : `${formatMoney(shown.fundLoss)} 元` },
                { key: 'param', label: '参数', children: shown.derivation.parameter ?? '—' },
                {
                  key: 'catalog',
                  label: '目录条目',
                  children: shown.derivation.catalog ? (
                    <span data-testid="derivation-catalog">{catalogText(shown.derivation.catalog)}</span>
                  ) : (
                    '不在目录中'
                  ),
                },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              数据行
            </Typography.Title>
            <ul data-testid="derivation-rows">
              {shown.derivation.rows.map((r) => (
                <li key={rowText(r)}>{rowText(r)}</li>
              ))}
            </ul>
            <Typography.Title level={5}>计算过程</Typography.Title>
            <ol data-testid="derivation-arithmetic">
              {shown.derivation.arithmetic.map((line, i) => (
                <li key={i} className="mono" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {line}
                </li>
              ))}
            </ol>
            {!readOnly && buttons({ keys: [shown.key] }, '本疑点', 'judge-one')}
          </>
        )}
      </Drawer>
      <Modal
        open={excluding !== null}
        title="排除疑点"
        okText="排除"
        cancelText="取消"
        okButtonProps={{ disabled: reason.trim() === '', loading: busy }}
        onCancel={() => setExcluding(null)}
        onOk={() => {
          const t = excluding;
          setExcluding(null);
          if (t) void judge(t, 'excluded', reason.trim());
        }}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="排除理由（必填），如：经核对病历，系录入错误并已冲正" data-testid="exclude-reason" />
      </Modal>
    </div>
  );
}
