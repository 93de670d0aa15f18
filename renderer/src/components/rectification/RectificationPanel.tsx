// 整改: what the employer was ordered to pay (the approved result) against what it has paid, in
// exact amounts; the persons to enrol again; and the follow-up check (复查) that imports the new
// declarations and lists the ordered person-months still not declared at the due base. The case
// can be archived when this says 已整改完毕 (or a penalty referral was issued).
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Modal, Row, Select, Table, Tag, Typography, Upload } from 'antd';
import { CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseDetail } from '../../../../shared/api/dto';
import { RECTIFICATION_PURPOSES, RECTIFICATION_PURPOSE_NAMES, type RectificationStatus } from '../../../../shared/api/dto/workflow';
import { call, errorText, fieldErrors } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDateTime, formatMoney, formatMonth } from '../../format';
import { Money } from '../Money';
import { DateField, MonthField } from '../DateField';

type Purpose = (typeof RECTIFICATION_PURPOSES)[number];
type Payment = RectificationStatus['payments'][number];
type ToEnrol = RectificationStatus['toEnrol'][number];
type Missing = NonNullable<RectificationStatus['followUp']>['missing'][number];

interface PaymentValues {
  paidOn: Dayjs;
  amount: string;
  purpose: Purpose;
  note?: string;
}

function OrderedVsPaid({ s }: { s: RectificationStatus }) {
  const rows = [
    { key: 'back-pay', name: '补缴社会保险费', ordered: s.ordered.backPay, paid: s.paid.backPay, outstanding: s.outstanding.backPay },
    { key: 'late-fee', name: '滞纳金', ordered: s.ordered.lateFee, paid: s.paid.lateFee, outstanding: s.outstanding.lateFee },
    { key: 'total', name: '合计', ordered: s.ordered.total, paid: s.paid.total, outstanding: s.outstanding.total },
  ];
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      aria-label="责令缴纳与已缴对照"
      columns={[
        { title: '项目', dataIndex: 'name', render: (v: string, r) => (r.key === 'total' ? <strong>{v}</strong> : v) },
        { title: '责令缴纳（元）', key: 'ordered', align: 'right', render: (_, r) => <Money value={r.ordered} /> },
        { title: '已缴（元）', key: 'paid', align: 'right', render: (_, r) => <Money value={r.paid} /> },
        {
          title: '尚欠（元）',
          key: 'outstanding',
          align: 'right',
          render: (_, r) => (r.outstanding === '0.00' ? <span className="num" style={{ color: '#389e0d' }}>0.00</span> : <strong className="num" style={{ color: '#cf1322' }}><Money value={r.outstanding} /></strong>),
        },
      ]}
    />
  );
}

export function RectificationPanel({ detail, onChanged }: { detail: CaseDetail; onChanged?: () => void }) {
  const caseId = detail.case.id;
  const status = useQuery(() => call('rectification.status', { caseId }), [caseId]);
  const [form] = Form.useForm<PaymentValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [enrolling, setEnrolling] = useState<ToEnrol | null>(null);
  const [enrolFrom, setEnrolFrom] = useState<Dayjs | null>(null);
  const [checking, setChecking] = useState(false);
  const { message } = App.useApp();
  const editable = detail.case.state === 'concluded' || detail.case.state === 'rectifying';

  const run = async (what: () => Promise<RectificationStatus>, done: string) => {
    setError(null);
    try {
      await what();
      message.success(done);
      await status.reload();
      onChanged?.();
      return true;
    } catch (e) {
      setError(errorText(e));
      form.setFields(fieldErrors(e) as never);
      return false;
    }
  };

  const pay = async () => {
    const v = await form.validateFields();
    setSaving(true);
    const ok = await run(
      () => call('rectification.recordPayment', { caseId, paidOn: v.paidOn.format('YYYY-MM-DD'), amount: v.amount.trim(), purpose: v.purpose, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }),
      `已登记${RECTIFICATION_PURPOSE_NAMES[v.purpose]} ${formatMoney(v.amount.trim())} 元`,
    );
    if (ok) form.resetFields(['amount', 'note']);
    setSaving(false);
  };

  const enrol = async () => {
    if (!enrolling || !enrolFrom) return;
    const ok = await run(() => call('rectification.recordEnrolment', { caseId, personId: enrolling.personId, monthFrom: enrolFrom.format('YYYY-MM') }), `已登记 ${enrolling.name} 补办参保`);
    if (ok) setEnrolling(null);
  };

  const followUp = async (file: File) => {
    setChecking(true);
    await run(async () => call('rectification.followUp', { caseId, fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) }), `复查完成：${file.name}`);
    setChecking(false);
  };

  const s = status.data;
  if (!s) return status.error ? <Alert type="error" showIcon title={status.error} /> : null;

  return (
    <div data-testid="rectification-panel">
      <Flex gap={8} align="center" className="section" wrap>
        {s.settled ? (
          <Tag icon={<CheckCircleOutlined />} color="success">已整改完毕</Tag>
        ) : (
          <Tag color="warning">整改未完成</Tag>
        )}
        {s.referred && <Tag color="error">已提请行政处罚</Tag>}
        {s.approvedAsOf && <Typography.Text type="secondary">责令金额依据经审核的稽核结论（计算截止 {s.approvedAsOf}）</Typography.Text>}
      </Flex>
      {s.problems.length > 0 && <Alert type="warning" showIcon className="section" title="尚待完成" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{s.problems.map((p) => <li key={p}>{p}</li>)}</ul>} />}
      {error && <Alert type="error" showIcon closable className="section" title={error} onClose={() => setError(null)} />}
      <Row gutter={12}>
        <Col span={14}>
          <Card size="small" title="责令缴纳与已缴" className="section">
            <OrderedVsPaid s={s} />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title="登记缴款" className="section">
            {editable ? (
              <Form form={form} layout="vertical" initialValues={{ paidOn: dayjs(), purpose: 'back-pay' }} aria-label="登记缴款">
                <Row gutter={8}>
                  <Col span={12}>
                    <Form.Item name="paidOn" label="缴款日期" rules={[{ required: true, message: '请选择日期' }]}>
                      <DateField style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="purpose" label="款项">
                      <Select options={RECTIFICATION_PURPOSES.map((p) => ({ value: p, label: RECTIFICATION_PURPOSE_NAMES[p] }))} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="amount" label="金额（元）" rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: '请填写金额，最多两位小数' }]}>
                  <Input placeholder="如 3575.74" inputMode="decimal" />
                </Form.Item>
                <Form.Item name="note" label="备注">
                  <Input maxLength={200} placeholder="如：银行回单号" />
                </Form.Item>
                <Button type="primary" onClick={() => void pay()} loading={saving}>
                  登记缴款
                </Button>
              </Form>
            ) : (
              <Typography.Text type="secondary">案件出具稽核结论后方可登记整改情况。</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {s.payments.length > 0 && (
        <Card size="small" title="缴款记录" className="section">
          <Table<Payment>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={s.payments}
            columns={[
              { title: '缴款日期', dataIndex: 'paidOn', width: 120 },
              { title: '款项', key: 'purpose', width: 90, render: (_, p) => RECTIFICATION_PURPOSE_NAMES[p.purpose] },
              { title: '金额（元）', key: 'amount', align: 'right', width: 130, render: (_, p) => <Money value={p.amount} /> },
              { title: '备注', key: 'note', render: (_, p) => p.note ?? '' },
              { title: '登记人', dataIndex: 'by', width: 100 },
              { title: '登记时间', key: 'at', width: 140, render: (_, p) => formatDateTime(p.at) },
            ]}
          />
        </Card>
      )}
      {s.toEnrol.length > 0 && (
        <Card size="small" title="应补办参保人员" className="section">
          <Table<ToEnrol>
            size="small"
            rowKey="personId"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={s.toEnrol}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '身份证号码', dataIndex: 'personId', render: (v: string) => <span className="mono">{v}</span> },
              { title: '应参保起始月', key: 'from', width: 130, render: (_, p) => formatMonth(p.monthFrom) },
              { title: '已登记补办', key: 'enrolled', width: 130, render: (_, p) => (p.enrolledFrom ? <Tag color="success">自{formatMonth(p.enrolledFrom)}</Tag> : <Tag>未登记</Tag>) },
              {
                title: '',
                key: 'act',
                width: 110,
                render: (_, p) =>
                  editable && !p.enrolledFrom ? (
                    <Button size="small" onClick={() => (setEnrolling(p), setEnrolFrom(dayjs(`${p.monthFrom}-01`)))}>
                      登记补办参保
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      <Card
        size="small"
        title="复查"
        className="section"
        extra={
          editable && (
            <Upload showUploadList={false} accept=".xlsx,.xls,.csv" beforeUpload={(f) => (void followUp(f), false)}>
              <Button icon={<UploadOutlined />} loading={checking}>
                导入整改后的申报明细
              </Button>
            </Upload>
          )
        }
      >
        {s.followUp ? (
          <>
            <Descriptions
              size="small"
              column={3}
              items={[
                { key: 'file', label: '复查文件', children: s.followUp.fileName },
                { key: 'rows', label: '申报明细行数', children: s.followUp.rows },
                { key: 'at', label: '复查时间', children: `${formatDateTime(s.followUp.checkedAt)} ${s.followUp.checkedBy}` },
                { key: 'ordered', label: '责令补缴人月', children: s.followUp.orderedPersonMonths },
                { key: 'missing', label: '仍未申报人月', children: s.followUp.missing.length ? <strong style={{ color: '#cf1322' }}>{s.followUp.missing.length}</strong> : <Tag color="success">0</Tag> },
              ]}
            />
            {s.followUp.missing.length > 0 && (
              <Table<Missing>
                size="small"
                rowKey={(m) => `${m.personId}-${m.month}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={s.followUp.missing}
                aria-label="仍未申报的人月"
                columns={[
                  { title: '姓名', dataIndex: 'name', width: 100 },
                  { title: '身份证号码', dataIndex: 'personId', render: (v: string) => <span className="mono">{v}</span> },
                  { title: '月份', key: 'month', width: 110, render: (_, m) => formatMonth(m.month) },
                  { title: '应申报基数', key: 'due', align: 'right', width: 120, render: (_, m) => <Money value={m.dueBase} /> },
                  { title: '复查申报基数', key: 'declared', align: 'right', width: 120, render: (_, m) => (m.declaredBase ? <Money value={m.declaredBase} /> : <Tag color="error">未申报</Tag>) },
                ]}
              />
            )}
          </>
        ) : (
          <Typography.Text type="secondary">单位补报参保、补缴后，导入其新的缴费申报明细，核对责令补缴的人员和月份是否均已按应缴基数申报。</Typography.Text>
        )}
      </Card>
      <Modal
        open={enrolling !== null}
        title={`登记补办参保：${enrolling?.name ?? ''}`}
        okText="登记"
        cancelText="取消"
        onOk={() => void enrol()}
        onCancel={() => setEnrolling(null)}
        okButtonProps={{ disabled: !enrolFrom }}
        destroyOnHidden
      >
        <Typography.Paragraph>应自 {enrolling ? formatMonth(enrolling.monthFrom) : ''} 起参保。</Typography.Paragraph>
        <MonthField value={enrolFrom} onChange={setEnrolFrom} openOn={detail.case.periodFrom} aria-label="参保起始月" />
      </Modal>
    </div>
  );
}
