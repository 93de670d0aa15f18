// 安全: the inactivity lock — after how many minutes without an operation the session locks and
// asks for the password again (backend timer, electron/services/auth/session.ts). Everyone sees the
// setting; only the administrator changes it (the change is in the workstation's trail).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, InputNumber, Space } from 'antd';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useAuth } from '../auth/AuthContext';

export function SecurityPanel() {
  const { session, reload } = useAuth();
  const { message } = App.useApp();
  const settings = useQuery(() => call('security.get', {}), []);
  const [minutes, setMinutes] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const isAdmin = session?.user?.role === 'admin';
  useEffect(() => {
    if (settings.data) setMinutes(settings.data.inactivityMinutes);
  }, [settings.data]);
  const save = async () => {
    if (minutes === null) return;
    setBusy(true);
    try {
      await call('security.update', { inactivityMinutes: minutes });
      void message.success(`已设置：${minutes} 分钟未操作自动锁定`);
      await settings.reload();
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ maxWidth: 720 }} data-testid="security-panel">
      {settings.error && <Alert type="error" showIcon title={settings.error} className="section" />}
      <Descriptions bordered size="small" column={1} className="section">
        <Descriptions.Item label="自动锁定">
          <Space>
            <InputNumber min={1} max={240} precision={0} value={minutes} onChange={(v) => setMinutes(v)} disabled={!isAdmin} addonAfter="分钟未操作" data-testid="inactivity-minutes" />
            {isAdmin && (
              <Button type="primary" onClick={() => void save()} loading={busy} disabled={minutes === null || minutes === settings.data?.inactivityMinutes}>
                保存
              </Button>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="登录失败">连续 5 次密码错误后，该用户名须等待 30 秒再试，此后每错一次等待时间加倍（最长 30 分钟）；每次失败均记入操作日志。</Descriptions.Item>
      </Descriptions>
      <Alert
        type="info"
        showIcon
        title={isAdmin ? '会话锁定后，页面内容保留，输入本人密码即可继续。' : '自动锁定时间由系统管理员设置。会话锁定后，页面内容保留，输入本人密码即可继续。'}
      />
    </div>
  );
}
