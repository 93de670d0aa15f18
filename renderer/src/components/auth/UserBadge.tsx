// The logged-in user in the sidebar: name, role, 修改密码 and 退出.
import { useState } from 'react';
import { Button, Space } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ChangePasswordModal } from './ChangePasswordModal';
import { USER_ROLE_NAMES } from '../../../../shared/domain/roles';
import { useAuth } from './AuthContext';

export function UserBadge() {
  const { session, logout } = useAuth();
  const [changing, setChanging] = useState(false);
  const user = session?.user;
  if (!user) return null;
  return (
    <div className="user-badge" data-testid="user-badge" style={{ padding: '12px 20px', color: 'rgba(255,255,255,0.85)' }}>
      <div>
        <UserOutlined /> {user.displayName}
      </div>
      <div style={{ fontSize: 12, opacity: 0.7, margin: '2px 0 6px' }}>
        {USER_ROLE_NAMES[user.role]}（{user.username}）
      </div>
      <Space size={6} wrap>
        <Button size="small" ghost icon={<LogoutOutlined />} onClick={() => void logout()}>
          退出
        </Button>
        <Button size="small" ghost icon={<KeyOutlined />} onClick={() => setChanging(true)} title="修改密码">
          改密
        </Button>
      </Space>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </div>
  );
}
