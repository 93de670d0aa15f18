// 统计报表 (DOMAIN.md §11, seed 004 附表): pick a month; both tables with the seed's two-row
// header, cumulative from 1 January or the month alone, per region and for the bureau; every
// figure opens the cases behind it; charts; XLSX and PDF with the signature fields; mark the
// month's report sent (recorded in the trail, ends the dashboard reminder).
import { useState } from 'react';
import { App, Button, Card, DatePicker, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_SOURCE_NAMES } from '../../../shared/api/dto';
import type { StatsCaseRef, StatsReportDto } from '../../../shared/api/dto/statistics';
import { call, errorText } from '../api/client';
import { useQuery } from '../api/useQuery';
import { navigate } from '../router';
import { downloadBytes } from '../components/office/download';
import { StatsTableView } from '../components/statistics/StatsTableView';
import { StatsCharts } from '../components/statistics/StatsCharts';

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

interface Drill {
  title: string;
  cases: StatsCaseRef[];
  tipOffs: StatsReportDto['tipOffs'];
}

export function StatisticsPage() {
  const { message } = App.useApp();
  const [month, setMonth] = useState(() => dayjs().subtract(1, 'month').format('YYYY-MM'));
  const [scope, setScope] = useState<'cumulative' | 'month'>('cumulative');
  const [drill, setDrill] = useState<Drill | null>(null);
  const [sig, setSig] = useState({ head: '', checker: '', preparer: '', phone: '' });
  const report = useQuery(() => call('statistics.report', { month }), [month]);
  const r = report.data;

  const open = (title: string, caseIds: number[], tipOffIds: number[] = []) => {
    if (!r) return;
    setDrill({ title, cases: r.cases.filter((c) => caseIds.includes(c.id)), tipOffs: r.tipOffs.filter((t) => tipOffIds.includes(t.id)) });
  };
  const exportAs = async (format: 'xlsx' | 'pdf') => {
    try {
      const f = await call('statistics.export', { month, format, signatures: sig });
      downloadBytes(f.fileName, f.data, MIME[format]);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const markSent = async () => {
    try {
      await call('statistics.markSent', { month });
      void message.success('已记录本月报表已报送');
      await report.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <div>
      <div className="page-title">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            统计报表
          </Typography.Title>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d: Dayjs | null) => d && setMonth(d.format('YYYY-MM'))} aria-label="统计月份" />
          <Segmented
            value={scope}
            onChange={(v) => setScope(v as 'cumulative' | 'month')}
            options={[
              { value: 'cumulative', label: '自1月1日累计' },
              { value: 'month', label: '本月' },
            ]}
          />
          {r?.sent ? (
            <Tag color="green">
              已报送（{r.sent.by}，{r.sent.at.slice(0, 10)}）
            </Tag>
          ) : (
            <Button icon={<CheckOutlined />} onClick={() => void markSent()}>
              标记为已报送
            </Button>
          )}
        </Space>
      </div>
      {report.error && <Typography.Text type="danger">{report.error}</Typography.Text>}
      {r && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small">
            <Space wrap>
              <span>填报单位：{r.unit || '（未配置机关信息）'}</span>
              <span>
                统计期间：{r.from} 至 {r.to}
              </span>
              <Input size="small" style={{ width: 230 }} addonBefore="单位主要负责人" value={sig.head} onChange={(e) => setSig({ ...sig, head: e.target.value })} />
              <Input size="small" style={{ width: 170 }} addonBefore="核对人" value={sig.checker} onChange={(e) => setSig({ ...sig, checker: e.target.value })} />
              <Input size="small" style={{ width: 170 }} addonBefore="制表人" value={sig.preparer} onChange={(e) => setSig({ ...sig, preparer: e.target.value })} />
              <Input size="small" style={{ width: 210 }} addonBefore="电话" value={sig.phone} onChange={(e) => setSig({ ...sig, phone: e.target.value })} />
              <Button icon={<FileExcelOutlined />} onClick={() => void exportAs('xlsx')}>
                导出 XLSX
              </Button>
              <Button icon={<FilePdfOutlined />} onClick={() => void exportAs('pdf')}>
                导出 PDF
              </Button>
            </Space>
          </Card>
          <StatsCharts charts={r.charts} onOpen={(title, ids) => open(title, ids)} />
          {[r.institutions, r.employers].map((t) => (
            <Card key={t.key} size="small" title={`${t.title}（${scope === 'cumulative' ? '自1月1日累计' : '本月'}）`}>
              <StatsTableView table={t} scope={scope} onOpen={(title, f) => open(title, f.caseIds, f.tipOffIds)} />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                备注：{t.notes.join(' ')}
              </Typography.Paragraph>
            </Card>
          ))}
        </Space>
      )}
      <Modal open={drill !== null} title={drill?.title} footer={null} width={820} onCancel={() => setDrill(null)}>
        {drill && (
          <>
            <Table<StatsCaseRef>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={drill.cases}
              locale={{ emptyText: '没有案件' }}
              columns={[
                { title: '案件编号', dataIndex: 'number', render: (n: string, c) => <a onClick={() => (setDrill(null), navigate({ page: 'case', caseId: c.id }))}>{n}</a> },
                { title: '对象', dataIndex: 'targetName' },
                { title: '类别', dataIndex: 'kind', render: (k: StatsCaseRef['kind']) => (k === 'employer-audit' ? '参保单位稽核' : '定点医药机构检查') },
                { title: '地区', dataIndex: 'region' },
                { title: '来源', dataIndex: 'source', render: (s: StatsCaseRef['source']) => CASE_SOURCE_NAMES[s] },
                { title: '出具结论', dataIndex: 'concludedOn' },
                { title: '归档', dataIndex: 'archivedOn' },
              ]}
            />
            {drill.tipOffs.length > 0 && (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                style={{ marginTop: 12 }}
                dataSource={drill.tipOffs}
                columns={[
                  { title: '举报登记号', dataIndex: 'id' },
                  { title: '受理日期', dataIndex: 'receivedOn' },
                  { title: '答复日期', dataIndex: 'answeredOn', render: (d: string | null) => d ?? '未答复' },
                ]}
              />
            )}
          </>
        )}
      </Modal>
    </div>
  );
}
