// One kind of finding as a table: who, which month, the kind's own columns, the judgment state,
// and the actions — 推导 (the derivation drawer), 认定, 豁免 and 撤销豁免 where they apply.
// Findings are grouped by person (a person with several months is one expandable row), and rows
// or whole persons can be selected and judged or exempted in one action (issue 10).
import { useEffect, useMemo, useState, type Key } from 'react';
import { Button, Flex, Popconfirm, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { ExemptionRecord, FindingJudgment } from '../../../../shared/api/dto';
import { exemptionInForce, judgmentsOf, type PaperFinding } from './model';
import { JudgmentStatus } from './JudgmentStatus';

type Decision = 'accepted' | 'exempted';

interface Props<T extends PaperFinding> {
  findings: T[];
  columns: TableColumnsType<T>;
  judgments: FindingJudgment[];
  exemptions: ExemptionRecord[];
  /** False when the case cannot change (archived) or the user may not judge. */
  canJudge: boolean;
  empty: string;
  testId: string;
  onDerive: (f: T) => void;
  onJudge: (findings: T[], decision: Decision) => void;
  onRevoke: (exemption: ExemptionRecord) => void;
  /** Changes after a judgment was saved: the selection is cleared. */
  savedVersion?: number;
}

/** A person with several findings of this kind: one row, their months as its children. */
interface PersonGroup<T> {
  key: string;
  group: true;
  personId: string;
  name: string;
  children: T[];
}

type Row<T> = T | PersonGroup<T>;
const isGroup = <T,>(r: Row<T>): r is PersonGroup<T> => (r as PersonGroup<T>).group === true;

function groupByPerson<T extends PaperFinding>(findings: T[]): Row<T>[] {
  const byPerson = new Map<string, T[]>();
  for (const f of findings) byPerson.set(f.personId, [...(byPerson.get(f.personId) ?? []), f]);
  return [...byPerson.values()].map((list) => {
    const first = list[0]!;
    return list.length === 1 ? first : { key: `person:${first.personId}`, group: true as const, personId: first.personId, name: first.name, children: list };
  });
}

export function FindingsTable<T extends PaperFinding>({ findings, columns, judgments, exemptions, canJudge, empty, testId, onDerive, onJudge, onRevoke, savedVersion }: Props<T>) {
  const [view, setView] = useState<'person' | 'row'>('person');
  const [selected, setSelected] = useState<Key[]>([]);
  useEffect(() => setSelected([]), [savedVersion]);

  const inForce = (f: T) => (f.exemptible ? exemptionInForce(exemptions, f.personId, f.month) : null);
  const latest = (f: T) => judgmentsOf(judgments, f.key).at(-1);
  const canAccept = (f: T) => canJudge && f.judgeable && !inForce(f);
  const canExempt = (f: T) => canJudge && f.exemptible && !inForce(f);
  const pending = (f: T) => f.judgeable && !inForce(f) && latest(f)?.decision !== 'accepted';

  const rows = useMemo<Row<T>[]>(() => (view === 'person' ? groupByPerson(findings) : findings), [findings, view]);
  const byKey = useMemo(() => new Map(findings.map((f) => [f.key, f])), [findings]);
  const chosen = selected.map((k) => byKey.get(String(k))).filter((f): f is T => f !== undefined);
  const toAccept = chosen.filter(canAccept);
  const toExempt = chosen.filter(canExempt);
  const bulk = canJudge && findings.some((f) => f.judgeable);
  const groups = rows.filter(isGroup);
  const selectable = (list: T[]) => list.filter(canAccept).map((f) => f.key);
  const chosenKeys = new Set(chosen.map((f) => f.key));
  // A person's box is ticked when all their selectable months are.
  const shownSelection: Key[] = [...chosenKeys, ...groups.filter((g) => selectable(g.children).length > 0 && selectable(g.children).every((k) => chosenKeys.has(k))).map((g) => g.key)];
  const selectionAfter = (keys: readonly Key[]): Key[] => {
    const next = new Set(keys.map(String));
    const before = new Set(shownSelection.map(String));
    const out = new Set([...next].filter((k) => byKey.has(k)));
    for (const g of groups) {
      if (next.has(g.key) && !before.has(g.key)) for (const k of selectable(g.children)) out.add(k);
      if (!next.has(g.key) && before.has(g.key)) for (const k of g.children.map((c) => c.key)) out.delete(k);
    }
    return [...out];
  };

  // The kind's own columns say nothing on a person's row (no sums of money are made here).
  const own: TableColumnsType<Row<T>> = columns.map((c) => {
    const render = (c as { render?: (v: unknown, r: T, i: number) => React.ReactNode }).render;
    return { ...(c as object), render: (v: unknown, r: Row<T>, i: number) => (isGroup(r) ? null : render ? render(v, r, i) : (v as React.ReactNode)) } as TableColumnsType<Row<T>>[number];
  });

  return (
    <div>
      <Flex align="center" gap={12} wrap className="findings-toolbar" style={{ marginBottom: 8 }}>
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'person' | 'row')}
          options={[
            { value: 'person', label: '按人员分组' },
            { value: 'row', label: '逐条列出' },
          ]}
        />
        {bulk && (
          <Space size={8} data-testid={`${testId}-bulk`}>
            <span className="muted">已选 {chosen.length} 项</span>
            <Button size="small" type="primary" disabled={toAccept.length === 0} onClick={() => onJudge(toAccept, 'accepted')}>
              批量认定（{toAccept.length}）
            </Button>
            {findings.some((f) => f.exemptible) && (
              <Button size="small" disabled={toExempt.length === 0} onClick={() => onJudge(toExempt, 'exempted')}>
                批量豁免（{toExempt.length}）
              </Button>
            )}
            {chosen.length > 0 && (
              <Button size="small" type="link" onClick={() => setSelected([])}>
                清除选择
              </Button>
            )}
          </Space>
        )}
      </Flex>
      <Table<Row<T>>
        size="small"
        bordered
        rowKey="key"
        dataSource={rows}
        rowClassName={(r) => (isGroup(r) ? 'person-group' : '')}
        rowSelection={
          bulk
            ? {
                // Strict: a person's row stands for their months, handled here (one place, no cascade surprises).
                checkStrictly: true,
                selectedRowKeys: shownSelection,
                onChange: (keys) => setSelected(selectionAfter(keys)),
                getCheckboxProps: (r) => ({ disabled: isGroup(r) ? !r.children.some(canAccept) : !canAccept(r), 'aria-label': isGroup(r) ? `选择 ${r.name} 的全部月份` : `选择 ${r.name} ${r.month}` }),
              }
            : undefined
        }
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => (view === 'person' ? `共 ${n} 人（${findings.length} 项）` : `共 ${n} 项`) }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: empty }}
        data-testid={testId}
        columns={[
          { title: '姓名', key: 'name', width: 120, render: (_: unknown, r: Row<T>) => r.name },
          { title: '身份证号', key: 'personId', width: 170, render: (_: unknown, r: Row<T>) => <span className="mono">{r.personId}</span> },
          { title: '月份', key: 'month', width: 90, render: (_: unknown, r: Row<T>) => (isGroup(r) ? `${r.children.length} 个月` : r.month) },
          ...own,
          ...(findings.some((f) => f.judgeable)
            ? [
                {
                  title: '认定',
                  key: 'status',
                  width: 150,
                  render: (_: unknown, r: Row<T>) => {
                    if (isGroup(r)) {
                      const open = r.children.filter(pending).length;
                      return open > 0 ? <Tag>待认定 {open} 项</Tag> : <Tag color="blue">已处理</Tag>;
                    }
                    if (!r.judgeable) return '—';
                    return <JudgmentStatus latest={latest(r)} exemption={inForce(r)} />;
                  },
                },
              ]
            : []),
          {
            title: '操作',
            key: 'actions',
            width: 200,
            fixed: 'right' as const,
            render: (_: unknown, r: Row<T>) => {
              if (isGroup(r)) {
                const accept = r.children.filter((f) => canAccept(f) && pending(f));
                const exempt = r.children.filter(canExempt);
                return (
                  <Space size={0} wrap>
                    {accept.length > 0 && (
                      <Button size="small" type="link" onClick={() => onJudge(accept, 'accepted')}>
                        全部认定
                      </Button>
                    )}
                    {exempt.length > 0 && (
                      <Button size="small" type="link" onClick={() => onJudge(exempt, 'exempted')}>
                        全部豁免
                      </Button>
                    )}
                  </Space>
                );
              }
              const exemption = inForce(r);
              return (
                <Space size={0} wrap>
                  <Button size="small" type="link" onClick={() => onDerive(r)}>
                    推导
                  </Button>
                  {canAccept(r) && (
                    <Button size="small" type="link" onClick={() => onJudge([r], 'accepted')}>
                      认定
                    </Button>
                  )}
                  {canExempt(r) && (
                    <Button size="small" type="link" onClick={() => onJudge([r], 'exempted')}>
                      豁免
                    </Button>
                  )}
                  {canJudge && exemption && (
                    <Popconfirm title="撤销这项豁免？补缴将重新计算。" okText="撤销豁免" cancelText="取消" onConfirm={() => onRevoke(exemption)}>
                      <Button size="small" type="link">
                        撤销豁免
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </div>
  );
}
