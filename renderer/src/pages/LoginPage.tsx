// 登录: shown first once the workstation has user accounts (auth.current says not bootstrap); no
// screen with case data is mounted before a login. A failed login says the same thing whatever was
// wrong (the backend's message), repeated failures tell how long to wait. An account holding the
// administrator's one-time password sets its own password here before it gets in.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { PASSWORD_CHANGE_REQUIRED_CODE } from '../../../shared/api/dto/accounts';
import { ApiCallError, call, errorText } from '../api/client';

interface Values {
  username: string;
  password: string;
  newPassword?: string;
  confirm?: string;
}

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mustChange, setMustChange] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.login', { username: v.username, password: v.password, ...(mustChange && v.newPassword ? { newPassword: v.newPassword } : {}) });
      onLoggedIn();
    } catch (e) {
      if (e instanceof ApiCallError && e.error.code === PASSWORD_CHANGE_REQUIRED_CODE) setMustChange(e.error.message);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="login-page" style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card title="稽核工作站 · 登录" style={{ width: 400 }}>
        {error && <Alert type="error" showIcon title={error} className="section" data-testid="login-error" />}
        {mustChange && <Alert type="warning" showIcon title={mustChange} className="section" data-testid="login-must-change" />}
        <Form<Values> layout="vertical" name="login" onFinish={(v) => void submit(v)}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" disabled={!!mustChange} />
          </Form.Item>
          <Form.Item name="password" label={mustChange ? '一次性密码' : '密码'} rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" disabled={!!mustChange} />
          </Form.Item>
          {mustChange && (
            <>
              <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请设置新密码' }, { min: 8, message: '密码至少8个字符' }]}>
                <Input.Password autoFocus autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label="确认新密码"
                dependencies={['newPassword']}
                rules={[
                  { required: true, message: '请再次填写新密码' },
                  ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次填写的密码不一致'))) }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {mustChange ? '设置新密码并登录' : '登录'}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
