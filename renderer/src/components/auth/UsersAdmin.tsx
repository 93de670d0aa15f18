// 用户管理 (administrator only): the workstation's accounts and a form to add one.
import { useState } from 'react';
import { Alert, Button, Result, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { User } from '../../../../shared/api/dto';
import { USER_ROLE_NAMES } from '../../../../shared/domain/roles';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../format';
import { useAuth } from './AuthContext';
import { UserFormModal } from './UserFormModal';

export function UsersAdmin() {
  const { session } = useAuth();
  const isAdmin = session?.user?.role === 'admin';
  const users = useQuery(() => (isAdmin ? call('users.list', {}) : Promise.resolve([] as User[])), [isAdmin]);
  const [open, setOpen] = useState(false);
  if (!isAdmin) return <Result status="403" title="只有系统管理员可以管理用户" />;
  return (
    <div>
      <div className="page-title">
        <h2>用户管理</h2>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          新建用户
        </Button>
      </div>
      {users.error && <Alert type="error" showIcon title={users.error} className="section" />}
      <Table<User>
        size="small"
        rowKey="id"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={false}
        data-testid="users-table"
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: User['role']) => <Tag>{USER_ROLE_NAMES[r]}</Tag> },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? '启用' : <Tag color="red">停用</Tag>) },
          { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => formatDateTime(t) },
        ]}
      />
      <UserFormModal
        open={open}
        first={false}
        onClose={() => setOpen(false)}
        onCreated={() => {
          setOpen(false);
          void users.reload();
        }}
      />
    </div>
  );
}
