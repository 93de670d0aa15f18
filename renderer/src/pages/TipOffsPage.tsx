// 举报: the tip-off register (DOMAIN.md §10.5): register one (channel, reporter kept confidential,
// subject, allegation), then assignment, verification (case or desk check), the answer with its
// 30-day clock, result and reward.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { TIP_OFF_CHANNEL_NAMES, TIP_OFF_CHANNELS, type TipOff } from '../../../shared/api/dto/office';
import { call, errorText } from '../api/client';
import { useQuery } from '../api/useQuery';

const channelOptions = TIP_OFF_CHANNELS.map((c) => ({ value: c, label: TIP_OFF_CHANNEL_NAMES[c] }));
const isoOf = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function TipOffsPage() {
  const { message } = App.useApp();
  const list = useQuery(() => call('tipOffs.list', {}), []);
  const employers = useQuery(() => call('employers.list', {}), []);
  const [creating, setCreating] = useState(false);
  const [handling, setHandling] = useState<TipOff | null>(null);
  const [form] = Form.useForm();
  const [handle] = Form.useForm();

  const create = async () => {
    const v = (await form.validateFields()) as { receivedOn: Dayjs; channel: TipOff['channel']; reporterName?: string; reporterContact?: string; creditCode: string; allegation: string; evidence?: string };
    const e = (employers.data ?? []).find((x) => x.creditCode === v.creditCode);
    try {
      await call('tipOffs.create', {
        receivedOn: isoOf(v.receivedOn)!,
        channel: v.channel,
        reporterName: v.reporterName,
        reporterContact: v.reporterContact,
        subjectKind: 'employer',
        subjectCreditCode: v.creditCode,
        subjectName: e?.name ?? v.creditCode,
        allegation: v.allegation,
        evidence: v.evidence,
      });
      setCreating(false);
      form.resetFields();
      await list.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const save = async () => {
    if (!handling) return;
    const v = (await handle.validateFields()) as { assignedTo?: string; deskNote?: string; answeredOn?: Dayjs; answer?: string; result?: string; confirmedAmount?: string; reward?: string };
    try {
      await call('tipOffs.update', { id: handling.id, ...v, answeredOn: isoOf(v.answeredOn), ...(v.deskNote ? { verification: 'desk' as const } : {}) });
      setHandling(null);
      await list.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <div>
      <div className="page-title">
        <h2>举报登记</h2>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          登记举报
        </Button>
      </div>
      <Table<TipOff>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: list.error ?? '还没有举报记录' }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '渠道', dataIndex: 'channel', width: 70, render: (c: TipOff['channel']) => TIP_OFF_CHANNEL_NAMES[c] },
          { title: '举报人（保密）', key: 'reporter', width: 150, render: (_, t) => t.reporterName ?? '匿名' },
          { title: '被举报对象', dataIndex: 'subjectName' },
          { title: '举报内容', dataIndex: 'allegation', ellipsis: true },
          { title: '承办人', dataIndex: 'assignedTo', width: 90, render: (v: string | null) => v ?? '—' },
          {
            title: '答复',
            key: 'answer',
            width: 160,
            render: (_, t) =>
              t.answeredOn ? <Tag color={t.overdue ? 'error' : 'success'}>{t.answeredOn} 已答复{t.overdue ? '（逾期）' : ''}</Tag> : t.overdue ? <Tag color="error">逾期 {-t.daysLeft} 日</Tag> : <Tag>期限 {t.answerDue}</Tag>,
          },
          { title: '结果', dataIndex: 'result', width: 90, render: (v: string | null) => v ?? '—' },
          { title: '', key: 'op', width: 70, render: (_, t) => <Button size="small" onClick={() => { handle.resetFields(); setHandling(t); }}>办理</Button> },
        ]}
      />
      <Modal title="登记举报" open={creating} onCancel={() => setCreating(false)} onOk={() => void create()} okText="登记" destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ channel: 'phone' }}>
          <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="channel" label="渠道" rules={[{ required: true }]}>
            <Select options={channelOptions} />
          </Form.Item>
          <Form.Item name="reporterName" label="举报人（保密，不出现在公开或送单位的文书上）">
            <Input placeholder="匿名可不填" />
          </Form.Item>
          <Form.Item name="reporterContact" label="联系方式（保密）">
            <Input />
          </Form.Item>
          <Form.Item name="creditCode" label="被举报单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select showSearch optionFilterProp="label" options={(employers.data ?? []).map((e) => ({ value: e.creditCode, label: `${e.name}（${e.creditCode}）` }))} />
          </Form.Item>
          <Form.Item name="allegation" label="举报内容" rules={[{ required: true, whitespace: true, message: '请填写举报内容' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="evidence" label="提供的证据">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title={handling ? `办理举报：${handling.subjectName}` : ''} open={handling !== null} onCancel={() => setHandling(null)} onOk={() => void save()} okText="保存">
        <Form form={handle} layout="vertical">
          <Form.Item name="assignedTo" label="承办人">
            <Input />
          </Form.Item>
          <Form.Item name="deskNote" label="书面核查情况">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="answeredOn" label="答复日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="answer" label="答复内容">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="result" label="办理结果">
            <Input placeholder="如：查实、部分查实、不属实" />
          </Form.Item>
          <Form.Item name="confirmedAmount" label="查实金额（元）">
            <Input />
          </Form.Item>
          <Form.Item name="reward" label="奖励金额（元，最高 10 万元）">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
