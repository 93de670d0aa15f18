// 缴费政策: the stored rate plans with their 示例 tags, periods and base rule; a plan's details;
// export as its JSON file; import of a plan file, a bad one refused with every field and reason.
import { useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import type { RatePlanDetail } from '../../../../shared/api/dto/settings';
import { ApiCallError, call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatPeriod } from '../../format';
import { downloadText, readText } from './files';
import { baseRuleText, lateFeeText, PlanPeriodTables, RatePlanDetailDrawer } from './RatePlanDetail';

interface ImportProblem {
  fileName: string;
  message: string;
  details: string[];
}

/** Every plan in full: the list shows each one's late-fee rule and, expanded, its insurances. */
async function loadPlans(): Promise<RatePlanDetail[]> {
  const summaries = await call('ratePlans.list', {});
  return Promise.all(summaries.map((s) => call('ratePlans.get', { ratePlanId: s.id })));
}

export function RatePlansPanel() {
  const plans = useQuery(loadPlans, []);
  const { message } = App.useApp();
  const [detail, setDetail] = useState<RatePlanDetail | null>(null);
  const [problem, setProblem] = useState<ImportProblem | null>(null);

  const importPlan = async (file: File) => {
    try {
      const plan = await call('ratePlans.import', { json: await readText(file) });
      setProblem(null);
      message.success(`已导入缴费政策：${plan.name}`);
      await plans.reload();
    } catch (e) {
      const details = e instanceof ApiCallError ? (e.error.details ?? []).map((d) => (d.path ? `${d.path}：${d.message}` : d.message)) : [];
      setProblem({ fileName: file.name, message: errorText(e), details });
    }
  };

  const show = async (id: number) => {
    try {
      setDetail(await call('ratePlans.get', { ratePlanId: id }));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const exportPlan = async (id: number) => {
    try {
      const file = await call('ratePlans.export', { ratePlanId: id });
      downloadText(file.fileName, file.json);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <div data-testid="rate-plans">
      <Space className="section">
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => (void importPlan(f), false)}>
          <Button type="primary" icon={<UploadOutlined />}>
            导入缴费政策
          </Button>
        </Upload>
        <span className="muted">JSON 格式（费率、基数上下限按地区和年度由本局维护）；标“示例”的方案为虚构数据，仅供演示。</span>
      </Space>
      {problem && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblem(null)}
          className="section"
          data-testid="rate-plan-import-error"
          title={`${problem.fileName} 未导入`}
          description={
            problem.details.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {problem.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : (
              problem.message
            )
          }
        />
      )}
      {plans.error && <Alert type="error" showIcon title={plans.error} className="section" />}
      <Table<RatePlanDetail>
        size="small"
        rowKey={(p) => p.summary.id}
        loading={plans.loading}
        dataSource={plans.data ?? []}
        pagination={false}
        expandable={{ expandedRowRender: (p) => <PlanPeriodTables plan={p.plan} /> }}
        locale={{ emptyText: '还没有缴费政策，请导入本地区的缴费方案。' }}
        columns={[
          {
            title: '方案名称',
            key: 'name',
            render: (_, { summary: p }) => (
              <Space size={6}>
                <strong>{p.name}</strong>
                {p.example && <Tag color="orange">示例</Tag>}
              </Space>
            ),
          },
          { title: '地区', key: 'region', render: (_, p) => p.summary.region },
          {
            title: '适用期间',
            key: 'period',
            render: (_, { summary: p, plan }) => `${formatPeriod(p.from, p.to)}${plan.periods.length > 1 ? `（${plan.periods.length} 个期间）` : ''}`,
          },
          { title: '缴费基数规则', key: 'baseRule', render: (_, p) => baseRuleText(p.plan.baseRule) },
          { title: '滞纳金', key: 'lateFee', render: (_, p) => lateFeeText(p.plan) },
          { title: '说明', key: 'note', ellipsis: true, render: (_, p) => p.plan.note || '—' },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_, { summary: p }) => (
              <Space size={4}>
                <Button size="small" icon={<EyeOutlined />} onClick={() => void show(p.id)}>
                  查看
                </Button>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportPlan(p.id)}>
                  导出
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <RatePlanDetailDrawer detail={detail} onClose={() => setDetail(null)} />
    </div>
  );
}
