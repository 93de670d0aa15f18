// 首次使用: a workstation without any account shows only this screen (issue 8 item 2): the first
// account is created here and becomes the system administrator, who keeps accounts and settings
// and holds no case role; nothing else of the app is reachable before. After creating it, it is
// logged in, and goes on to create the auditors', section heads' and archivists' accounts.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { call, errorText } from '../api/client';

interface Values {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

export function FirstRunPage({ onCreated }: { onCreated: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call('users.create', { username: v.username, displayName: v.displayName, password: v.password });
      await call('auth.login', { username: v.username, password: v.password });
      onCreated();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="first-run-page" data-testid="first-run" style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card title="稽核工作站 · 首次使用：创建系统管理员" style={{ width: 480 }}>
        <Typography.Paragraph>本机尚未建立任何账户。请先创建系统管理员账户，之后查看和办理案件都须登录。</Typography.Paragraph>
        <Alert
          type="info"
          showIcon
          className="section"
          title="系统管理员只管理账户和设置，不办理、不查看案件"
          description="创建后请以管理员身份为稽核员、科室负责人和档案管理员建立账户；稽核结论须由未参与办理的科室负责人审核。请牢记管理员密码。"
        />
        {error && <Alert type="error" showIcon title={error} className="section" data-testid="first-run-error" />}
        <Form<Values> layout="vertical" name="first-run" onFinish={(v) => void submit(v)}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }, { min: 8, message: '密码至少8个字符' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="确认密码"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再次填写密码' },
              ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次填写的密码不一致'))) }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            创建管理员并登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
