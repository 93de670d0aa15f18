// 会话已锁定: covers the whole window after the backend locked the session for inactivity. The
// page underneath stays mounted (its forms, filters and pending calls wait), but nothing of it is
// visible; the same user's password unlocks it, or 退出登录 ends the session.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { USER_ROLE_NAMES } from '../../../../shared/domain/roles';
import { SESSION_LOCKED_MESSAGE } from '../../../../shared/api/dto/accounts';
import { call, endSessionLock, errorText } from '../../api/client';
import { useAuth } from './AuthContext';

export function LockScreen() {
  const { session, reload, logout } = useAuth();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const user = session?.user;
  if (!user) return null;
  const unlock = async ({ password }: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.unlock', { password });
      form.resetFields();
      endSessionLock(true);
      await reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="lock-screen" data-testid="lock-screen" role="dialog" aria-modal="true" aria-label="会话已锁定">
      <Card style={{ width: 400 }} title={<><LockOutlined /> {SESSION_LOCKED_MESSAGE}</>}>
        <Typography.Paragraph type="secondary">
          超过 {session.inactivityMinutes} 分钟未操作，为保护参保人员信息，会话已锁定。请输入 {user.displayName}（{USER_ROLE_NAMES[user.role]}，{user.username}）的密码继续，未保存的页面内容会保留。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} className="section" />}
        <Form form={form} layout="vertical" name="unlock" onFinish={(v) => void unlock(v)}>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoFocus autoComplete="current-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Button type="primary" htmlType="submit" loading={busy}>
              解锁
            </Button>
            <Button onClick={() => void logout()}>退出登录</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
