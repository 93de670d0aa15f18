// 双随机抽查: set up a draw (task, year, seed text read out before witnesses, tiers and quotas,
// team size, cap, the eligible targets after the twice-a-year rule), run it, and open its record:
// the teams, the re-run verification, replacing a withdrawing inspector, printing the 抽查记录
// and creating the planned cases with their teams (DOMAIN.md §10.3). The draw itself runs in
// the backend (shared/rules/draw.ts); this screen only collects and shows.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { FilePdfOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { DrawCandidate, DrawDetail, DrawSummary, DrawTeam } from '../../../shared/api/dto/office';
import { DRAW_TIER_NAMES, type DrawTier } from '../../../shared/rules/draw';
import { call, errorText } from '../api/client';
import { useQuery } from '../api/useQuery';
import { downloadBytes } from '../components/office/download';
import { formatDateTime } from '../format';
import { navigate } from '../router';

const TIER_COLORS: Record<DrawTier, string> = { high: 'red', medium: 'orange', low: 'blue' };
const TIER_OPTIONS = (['high', 'medium', 'low'] as const).map((t) => ({ value: t, label: DRAW_TIER_NAMES[t] }));

export function DrawsPage({ drawId }: { drawId?: number | undefined }) {
  return drawId ? <DrawDetailView drawId={drawId} /> : <DrawSetup />;
}

interface SetupValues {
  task: string;
  year: number;
  seed: string;
  teamSize: number;
  cap?: number | null;
  high: string;
  medium: string;
  low: string;
}

function DrawSetup() {
  const { message } = App.useApp();
  const [form] = Form.useForm<SetupValues>();
  const year = Form.useWatch('year', form) ?? new Date().getFullYear();
  const draws = useQuery(() => call('draws.list', {}), []);
  const candidates = useQuery(() => call('draws.candidates', { targetKind: 'employer', year }), [year]);
  const [tiers, setTiers] = useState<Record<string, DrawTier>>({});
  const [running, setRunning] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const eligible = useMemo(() => (candidates.data ?? []).filter((c) => c.eligible), [candidates.data]);
  const tierOf = (code: string): DrawTier => tiers[code] ?? 'medium';

  const run = async () => {
    const v = await form.validateFields();
    setRunning(true);
    setRefusal(null);
    try {
      const d = await call('draws.run', {
        task: v.task,
        year: v.year,
        targetKind: 'employer',
        seed: v.seed,
        tiers: eligible.map((c) => ({ creditCode: c.creditCode, tier: tierOf(c.creditCode) })),
        quotas: { high: v.high, medium: v.medium, low: v.low },
        teamSize: v.teamSize,
        cap: v.cap ?? null,
      });
      void message.success(`抽取完成：抽中 ${d.teams.length} 个单位`);
      navigate({ page: 'draws', drawId: d.draw.id });
    } catch (e) {
      setRefusal(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div>
      <div className="page-title">
        <h2>双随机抽查</h2>
      </div>
      <Card size="small" title="抽查记录" className="section">
        <Table<DrawSummary>
          size="small"
          rowKey="id"
          loading={draws.loading}
          dataSource={draws.data ?? []}
          pagination={false}
          locale={{ emptyText: '还没有抽查记录' }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '抽查事项', dataIndex: 'task', render: (v: string, d) => <a href={`#/draws/${d.id}`}>{v}</a> },
            { title: '随机种子', dataIndex: 'seed', ellipsis: true },
            { title: '抽中', dataIndex: 'selected', width: 70 },
            { title: '递补', dataIndex: 'replacements', width: 70 },
            { title: '抽取时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
      <Card size="small" title="新建抽取（参保单位）" className="section">
        <Form<SetupValues>
          form={form}
          layout="inline"
          initialValues={{ year: new Date().getFullYear(), teamSize: 2, high: '2', medium: '10%', low: '0', task: `${new Date().getFullYear()}年参保单位缴费情况随机抽查` }}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="task" label="抽查事项" rules={[{ required: true, whitespace: true, message: '请填写抽查事项' }]}>
            <Input style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2200} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="teamSize" label="每组人数" rules={[{ required: true }]}>
            <InputNumber min={2} max={10} style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="cap" label="每人上限" tooltip="留空为默认：⌈每组人数 × 抽中对象数 ÷ 检查人员数⌉">
            <InputNumber min={1} placeholder="默认" style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="high" label="高风险抽取" tooltip="个数（如 3）或百分比（如 10%，向上取整）" rules={[{ required: true }]}>
            <Input style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="medium" label="中风险" rules={[{ required: true }]}>
            <Input style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="low" label="低风险" rules={[{ required: true }]}>
            <Input style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="seed" label="随机种子" rules={[{ required: true, message: '请填写随机种子（如公开的开奖号码或当众宣读的文本）' }]} style={{ width: '100%' }}>
            <Input.TextArea rows={2} placeholder="原样记录，例如：2026年3月5日 福彩3D第2026058期开奖号码 4 7 1" />
          </Form.Item>
        </Form>
        <Table<DrawCandidate>
          className="section"
          size="small"
          rowKey="creditCode"
          loading={candidates.loading}
          dataSource={candidates.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '名录库中没有参保单位' }}
          columns={[
            { title: '单位名称', dataIndex: 'name' },
            { title: '统一社会信用代码', dataIndex: 'creditCode', render: (v: string) => <span className="mono">{v}</span> },
            { title: `${year}年已抽`, dataIndex: 'drawsThisYear', width: 90 },
            {
              title: '风险等级',
              key: 'tier',
              width: 130,
              render: (_, c) =>
                c.eligible ? (
                  <Select size="small" aria-label={`风险等级 ${c.creditCode}`} value={tierOf(c.creditCode)} options={TIER_OPTIONS} style={{ width: 90 }} onChange={(t) => setTiers((m) => ({ ...m, [c.creditCode]: t }))} />
                ) : (
                  <Tag>{c.reason}</Tag>
                ),
            },
          ]}
        />
        {refusal && <Alert type="error" showIcon title="未能抽取，未保存任何结果" description={refusal} className="section" />}
        <Flex justify="end" className="section">
          <Button type="primary" icon={<PlayCircleOutlined />} loading={running} disabled={eligible.length === 0} onClick={() => void run()}>
            抽取（{eligible.length} 个单位参加）
          </Button>
        </Flex>
      </Card>
    </div>
  );
}

function DrawDetailView({ drawId }: { drawId: number }) {
  const { message } = App.useApp();
  const detail = useQuery(() => call('draws.get', { drawId }), [drawId]);
  const plans = useQuery(() => call('ratePlans.list', {}), []);
  const [withdraw, setWithdraw] = useState<{ team: DrawTeam; credential: string; name: string } | null>(null);
  const [reason, setReason] = useState('');
  const [creating, setCreating] = useState(false);
  const [caseForm] = Form.useForm<{ periodFrom: string; periodTo: string; ratePlanId: number }>();
  const d: DrawDetail | undefined = detail.data;

  const replace = async () => {
    if (!withdraw) return;
    try {
      await call('draws.replace', { drawId, creditCode: withdraw.team.creditCode, credential: withdraw.credential, reason });
      setWithdraw(null);
      setReason('');
      await detail.reload();
      void message.success('已按规则递补');
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const print = async () => {
    try {
      const f = await call('draws.recordPdf', { drawId });
      downloadBytes(f.fileName, f.data, 'application/pdf');
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const publish = async (format: 'xlsx' | 'pdf') => {
    try {
      const f = await call('draws.publication', { drawId, format });
      downloadBytes(f.fileName, f.data, format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const exportJson = async () => {
    const f = await call('draws.recordJson', { drawId });
    downloadBytes(f.fileName, f.data, 'application/json');
  };
  const createCases = async () => {
    const v = await caseForm.validateFields();
    try {
      const cases = await call('draws.createCases', { drawId, ...v });
      setCreating(false);
      await detail.reload();
      void message.success(`已创建 ${cases.length} 个稽核案件`);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div>
      <div className="page-title">
        <h2>抽查记录{d ? `：${d.draw.task}` : ''}</h2>
        <Space>
          <Button onClick={() => navigate({ page: 'draws' })}>返回</Button>
          <Button icon={<FilePdfOutlined />} onClick={() => void print()} disabled={!d}>
            打印抽查记录
          </Button>
          <Button onClick={() => void publish('xlsx')} disabled={!d}>
            公示结果（XLSX）
          </Button>
          <Button onClick={() => void publish('pdf')} disabled={!d}>
            公示结果（PDF）
          </Button>
          <Button onClick={() => void exportJson()} disabled={!d}>
            导出记录（供核验）
          </Button>
          <Button type="primary" disabled={!d || d.teams.every((t) => t.caseId !== null)} onClick={() => setCreating(true)}>
            创建稽核案件
          </Button>
        </Space>
      </div>
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {d && (
        <>
          {d.verification.ok ? (
            <Alert type="success" showIcon title="核验一致：按记录中的种子、参数和名录快照重新抽取，排序、检查组和递补均与记录相同" className="section" />
          ) : (
            <Alert type="error" showIcon title="核验不一致" description={d.verification.problems.join('；')} className="section" />
          )}
          <Descriptions size="small" bordered column={2} className="section">
            <Descriptions.Item label="年度">{d.draw.year}</Descriptions.Item>
            <Descriptions.Item label="抽取时间">{formatDateTime(d.draw.createdAt)}（{d.draw.createdBy}）</Descriptions.Item>
            <Descriptions.Item label="随机种子" span={2}>
              {d.record.seed}
            </Descriptions.Item>
            <Descriptions.Item label="抽取比例">{(['high', 'medium', 'low'] as const).map((t) => `${DRAW_TIER_NAMES[t]} ${d.record.quotaCounts[t]}/${d.record.eligibleCounts[t]}（${d.record.quotas[t]}）`).join('，')}</Descriptions.Item>
            <Descriptions.Item label="检查组">
              每组 {d.record.teamSize} 人，每人至多 {d.record.cap} 个对象
            </Descriptions.Item>
            <Descriptions.Item label="名录快照 SHA-256" span={2}>
              <span className="mono">{d.draw.snapshotSha256}</span>
            </Descriptions.Item>
          </Descriptions>
          <Table<DrawTeam>
            className="section"
            size="small"
            rowKey="creditCode"
            dataSource={d.teams}
            pagination={false}
            columns={[
              { title: '序号', key: 'i', width: 60, render: (_, __, i) => i + 1 },
              { title: '风险', dataIndex: 'tier', width: 70, render: (t: DrawTier) => <Tag color={TIER_COLORS[t]}>{DRAW_TIER_NAMES[t]}</Tag> },
              { title: '单位', dataIndex: 'targetName', render: (v: string, t) => <span>{v}<br /><span className="mono" style={{ color: '#888' }}>{t.creditCode}</span></span> },
              {
                title: '检查组',
                key: 'team',
                render: (_, t) => (
                  <Space wrap>
                    {t.team.map((m) => (
                      <Tag key={m.credential}>
                        {m.name}（{m.credential}）
                        {(
                          <a style={{ marginLeft: 6 }} onClick={() => setWithdraw({ team: t, credential: m.credential, name: m.name })}>
                            退出
                          </a>
                        )}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { title: '案件', key: 'case', width: 150, render: (_, t) => (t.caseId ? <a href={`#/cases/${t.caseId}`}>{t.caseNumber}</a> : '—') },
            ]}
          />
          {d.record.replacements.length > 0 && (
            <Card size="small" title="递补记录" className="section">
              <Table
                size="small"
                rowKey={(_, i) => String(i)}
                pagination={false}
                dataSource={d.record.replacements}
                columns={[
                  { title: '单位', dataIndex: 'creditCode', render: (v: string) => d.teams.find((t) => t.creditCode === v)?.targetName ?? v },
                  { title: '退出人员', dataIndex: 'withdrawn' },
                  { title: '原因', dataIndex: 'reason' },
                  { title: '递补人员', dataIndex: 'replacement' },
                ]}
              />
            </Card>
          )}
        </>
      )}
      <Modal title={withdraw ? `${withdraw.name} 退出检查组` : ''} open={withdraw !== null} onCancel={() => setWithdraw(null)} onOk={() => void replace()} okText="按规则递补" okButtonProps={{ disabled: reason.trim() === '' }}>
        <p>递补人员按该单位的检查人员排序，从退出人员往下取第一位不在组内、无回避关系且未达上限的人员，并记入抽查记录。</p>
        <Input.TextArea aria-label="退出原因" rows={2} value={reason} placeholder="退出原因（回避或因故不能参加）" onChange={(e) => setReason(e.target.value)} />
      </Modal>
      <Modal title="为抽中单位创建稽核案件" open={creating} onCancel={() => setCreating(false)} onOk={() => void createCases()} okText="创建">
        <Form form={caseForm} layout="vertical">
          <Form.Item name="periodFrom" label="稽核期间开始月" rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '请填写 YYYY-MM' }]}>
            <Input placeholder="YYYY-MM" />
          </Form.Item>
          <Form.Item name="periodTo" label="稽核期间结束月" rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '请填写 YYYY-MM' }]}>
            <Input placeholder="YYYY-MM" />
          </Form.Item>
          <Form.Item name="ratePlanId" label="缴费方案" rules={[{ required: true, message: '请选择缴费方案' }]}>
            <Select options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
