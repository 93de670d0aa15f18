// 风险筛查: the ranked list of employers the section head opens before planning (DOMAIN.md §10.2),
// each with its indicators, score and tier and the override with its reason; the industry
// average-wage table (edited here or imported from a spreadsheet through the usual importer, with
// a template); and the weights and thresholds (a new version on each change).
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { IndustryWage, RiskRow } from '../../../shared/api/dto/risk';
import { DRAW_TIER_NAMES, DRAW_TIERS, type DrawTier } from '../../../shared/rules/draw';
import { formatFen } from '../../../shared/rules/money';
import { RISK_INDICATOR_NAMES, RISK_INDICATORS, type RiskParams } from '../../../shared/rules/riskScreening';
import { call, errorText } from '../api/client';
import { useQuery } from '../api/useQuery';
import { downloadBytes } from '../components/office/download';
import { RiskIndicators, RiskTierCell } from '../components/office/RiskIndicators';
import { formatDateTime } from '../format';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function RiskPage() {
  const [year, setYear] = useState(() => new Date().getFullYear());
  return (
    <div>
      <div className="page-title">
        <h2>风险筛查</h2>
        <Space>
          年度
          <InputNumber aria-label="筛查年度" min={2000} max={2200} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      </div>
      <Tabs
        items={[
          { key: 'list', label: '风险排序名单', children: <RankedList year={year} /> },
          { key: 'wages', label: '行业平均工资', children: <WageTable /> },
          { key: 'params', label: '指标参数', children: <ParamsCard /> },
        ]}
      />
    </div>
  );
}

function RankedList({ year }: { year: number }) {
  const { message } = App.useApp();
  const list = useQuery(() => call('risk.list', { year }), [year]);
  const [overriding, setOverriding] = useState<RiskRow | null>(null);
  const [form] = Form.useForm<{ tier: DrawTier | 'computed'; reason: string }>();
  const counts = DRAW_TIERS.map((t) => `${DRAW_TIER_NAMES[t]} ${(list.data ?? []).filter((r) => r.tier === t).length}`).join(' · ');

  const save = async () => {
    const v = await form.validateFields();
    try {
      await call('risk.override', { employerId: overriding!.employerId, year, tier: v.tier === 'computed' ? null : v.tier, reason: v.reason });
      setOverriding(null);
      form.resetFields();
      void message.success('已调整风险等级');
      await list.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div>
      {list.error && <Alert type="error" showIcon title={list.error} className="section" />}
      <Alert
        type="info"
        showIcon
        className="section"
        title={`${year} 年度参保单位风险排序：${list.data?.length ?? 0} 家（${counts}）。按等级、分值排序；展开查看各项指标的数值、阈值与贡献。风险等级用于双随机抽查的分级抽取比例。`}
      />
      <Table<RiskRow>
        size="small"
        rowKey="employerId"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (r) => <RiskIndicators row={r} /> }}
        locale={{ emptyText: '没有在册的参保单位' }}
        columns={[
          { title: '排名', key: 'rank', width: 60, render: (_v, _r, i) => i + 1 },
          { title: '单位名称', dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
          { title: '统一社会信用代码', dataIndex: 'creditCode', render: (v: string) => <span className="mono">{v}</span> },
          { title: '行业', dataIndex: 'industry', render: (v: string) => v || '—' },
          { title: '地区', dataIndex: 'region', render: (v: string) => v || '—' },
          { title: '分值', dataIndex: 'score', width: 70, align: 'right' },
          { title: '触发指标', key: 'hits', render: (_v, r) => r.indicators.filter((i) => i.triggered).map((i) => i.name).join('；') || '—' },
          { title: '风险等级', key: 'tier', width: 150, render: (_v, r) => <RiskTierCell row={r} /> },
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_v, r) => (
              <Button
                size="small"
                onClick={() => {
                  setOverriding(r);
                  form.setFieldsValue({ tier: r.override ? r.tier : undefined, reason: '' });
                }}
              >
                调整等级
              </Button>
            ),
          },
        ]}
      />
      <Modal title={overriding ? `调整风险等级：${overriding.name}` : ''} open={overriding !== null} okText="保存" cancelText="取消" onOk={() => void save()} onCancel={() => setOverriding(null)} destroyOnHidden>
        {overriding && (
          <Form form={form} layout="vertical">
            <p>
              计算分值 {overriding.score}，计算等级 {DRAW_TIER_NAMES[overriding.computedTier]}。调整记入操作记录，由科室负责人填写理由。
            </p>
            <Form.Item name="tier" label="调整为" rules={[{ required: true, message: '请选择风险等级' }]}>
              <Select
                options={[...DRAW_TIERS.map((t) => ({ value: t, label: DRAW_TIER_NAMES[t] })), ...(overriding.override ? [{ value: 'computed', label: '恢复为计算等级' }] : [])]}
              />
            </Form.Item>
            <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请写明理由' }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </div>
  );
}

function WageTable() {
  const { message } = App.useApp();
  const wages = useQuery(() => call('risk.wages.list', {}), []);
  const [editing, setEditing] = useState<IndustryWage | 'new' | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [form] = Form.useForm<{ year: number; industry: string; region: string; averageMonthly: string; source: string }>();

  const importFile = async (file: File) => {
    setImportError(null);
    try {
      const r = await call('risk.wages.import', { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      void message.success(`已导入行业平均工资：新增 ${r.created} 条，更新 ${r.updated} 条`);
      await wages.reload();
    } catch (e) {
      setImportError(errorText(e));
    }
  };
  const template = async () => {
    const t = await call('risk.wages.template', {});
    downloadBytes(t.fileName, t.data, XLSX);
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      await call('risk.wages.save', { ...v, region: v.region ?? '', source: v.source ?? '', ...(editing !== 'new' && editing ? { id: editing.id } : {}) });
      setEditing(null);
      await wages.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const remove = async (w: IndustryWage) => {
    try {
      await call('risk.wages.remove', { id: w.id, reason: '手工删除' });
      await wages.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div>
      <Space className="section">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ year: new Date().getFullYear() - 1, region: '', source: '' });
            setEditing('new');
          }}
        >
          新增
        </Button>
        <Upload accept=".xlsx,.xls,.csv" showUploadList={false} beforeUpload={(file) => (void importFile(file), false)}>
          <Button icon={<UploadOutlined />}>导入行业平均工资表</Button>
        </Upload>
        <Button icon={<DownloadOutlined />} onClick={() => void template()}>
          下载模板
        </Button>
      </Space>
      {importError && <Alert type="error" showIcon className="section" title="行业平均工资表未导入" description={<pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{importError}</pre>} closable onClose={() => setImportError(null)} />}
      {wages.error && <Alert type="error" showIcon title={wages.error} className="section" />}
      <Table<IndustryWage>
        size="small"
        rowKey="id"
        loading={wages.loading}
        dataSource={wages.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有行业平均工资。可手工新增，或导入统计部门发布的表格。' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '行业', dataIndex: 'industry' },
          { title: '地区', dataIndex: 'region', render: (v: string) => v || '全市' },
          { title: '月平均工资（元）', dataIndex: 'averageMonthlyFen', align: 'right', render: (v: number) => formatFen(v) },
          { title: '来源', dataIndex: 'source', render: (v: string) => v || '—' },
          { title: '更新', dataIndex: 'updatedAt', width: 150, render: (v: string, w) => `${formatDateTime(v)} ${w.updatedBy}` },
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_v, w) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    form.setFieldsValue({ year: w.year, industry: w.industry, region: w.region, averageMonthly: formatFen(w.averageMonthlyFen), source: w.source });
                    setEditing(w);
                  }}
                >
                  修改
                </Button>
                <Popconfirm title="删除这条记录？" okText="删除" cancelText="取消" onConfirm={() => void remove(w)}>
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal title={editing === 'new' ? '新增行业平均工资' : '修改行业平均工资'} open={editing !== null} okText="保存" cancelText="取消" onOk={() => void save()} onCancel={() => setEditing(null)} forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={1990} max={2200} />
          </Form.Item>
          <Form.Item name="industry" label="行业" rules={[{ required: true, whitespace: true, message: '请填写行业' }]}>
            <Input placeholder="与单位名录中的行业一致，如：制造业" />
          </Form.Item>
          <Form.Item name="region" label="地区（留空表示全市通用）">
            <Input />
          </Form.Item>
          <Form.Item name="averageMonthly" label="月平均工资（元）" rules={[{ required: true, whitespace: true, message: '请填写月平均工资' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="source" label="来源">
            <Input placeholder="如：市统计局 2024 年统计公报" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

const THRESHOLD_FIELDS: { key: keyof RiskParams['thresholds']; label: string }[] = [
  { key: 'baseToWagePermille', label: '基数/平均工资低于（‰）' },
  { key: 'floorSharePercent', label: '按下限申报占比不低于（%）' },
  { key: 'headcountDropPercent', label: '人数减少不低于（%）' },
  { key: 'tipOffs', label: '举报次数不少于' },
  { key: 'backPayFen', label: '以往查补不低于（分）' },
  { key: 'yearsSinceAudit', label: '距上次稽核不少于（年）' },
];

function ParamsCard() {
  const { message } = App.useApp();
  const current = useQuery(() => call('risk.params.get', {}), []);
  const [form] = Form.useForm<RiskParams & { reason: string }>();
  const p = current.data;
  const save = async () => {
    const v = await form.validateFields();
    try {
      const { reason, ...params } = v;
      await call('risk.params.save', { params, reason });
      void message.success('已保存为新版本');
      await current.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  if (!p) return current.error ? <Alert type="error" showIcon title={current.error} /> : null;
  return (
    <Card size="small" title={`指标参数：第 ${p.version} 版${p.version === 0 ? '（内置默认值）' : `（${p.createdBy}，${formatDateTime(p.createdAt ?? '')}）`}`}>
      <Form form={form} layout="inline" initialValues={{ ...p.params, reason: '' }} key={p.version}>
        <div style={{ width: '100%', marginBottom: 8 }}>
          <strong>权重（触发时计入的分值）</strong>
        </div>
        {RISK_INDICATORS.map((c) => (
          <Form.Item key={c} name={['weights', c]} label={RISK_INDICATOR_NAMES[c]} rules={[{ required: true }]}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
        ))}
        <div style={{ width: '100%', margin: '12px 0 8px' }}>
          <strong>阈值</strong>
        </div>
        {THRESHOLD_FIELDS.map((f) => (
          <Form.Item key={f.key} name={['thresholds', f.key]} label={f.label} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
        ))}
        <div style={{ width: '100%', margin: '12px 0 8px' }}>
          <strong>等级分数线</strong>
        </div>
        <Form.Item name={['tiers', 'high']} label="高（分值不低于）" rules={[{ required: true }]}>
          <InputNumber min={1} />
        </Form.Item>
        <Form.Item name={['tiers', 'medium']} label="中（分值不低于）" rules={[{ required: true }]}>
          <InputNumber min={1} />
        </Form.Item>
        <div style={{ width: '100%', marginTop: 12 }} />
        <Form.Item name="reason" label="修改理由" rules={[{ required: true, whitespace: true, message: '请写明理由' }]}>
          <Input style={{ width: 360 }} />
        </Form.Item>
        <Button type="primary" onClick={() => void save()}>
          保存为新版本
        </Button>
      </Form>
    </Card>
  );
}
