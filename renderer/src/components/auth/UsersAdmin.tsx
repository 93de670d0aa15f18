// 用户管理 (administrator only): the workstation's accounts, a form to add one, and each account's
// lifecycle — 停用/启用, 修改角色, 重置密码 (a one-time password the user replaces at his next
// login). Accounts are never deleted, and the administrator's own account is not changed here
// (the backend refuses it too: electron/services/backend/accounts.ts).
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Result, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { User } from '../../../../shared/api/dto';
import { USER_ROLES, USER_ROLE_NAMES, type UserRole } from '../../../../shared/domain/roles';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../format';
import { useAuth } from './AuthContext';
import { UserFormModal } from './UserFormModal';

type Dialog = { kind: 'role'; user: User } | { kind: 'reset'; user: User } | null;

export function UsersAdmin() {
  const { session } = useAuth();
  const { message } = App.useApp();
  const isAdmin = session?.user?.role === 'admin';
  const users = useQuery(() => (isAdmin ? call('users.list', {}) : Promise.resolve([] as User[])), [isAdmin]);
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  if (!isAdmin) return <Result status="403" title="只有系统管理员可以管理用户" />;
  const me = session.user!;
  const run = async (what: string, fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      void message.success(what);
      setDialog(null);
      await users.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div>
      <div className="page-title">
        <h2>用户管理</h2>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          新建用户
        </Button>
      </div>
      <Alert
        type="info"
        showIcon
        className="section"
        title="每人一个账户；账户只停用、不删除。新建或重置密码时设置的是一次性密码，用户首次登录须改为自己的密码。所有变更记入操作日志。"
      />
      {(users.error || error) && <Alert type="error" showIcon title={users.error ?? error} className="section" data-testid="users-error" />}
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
          {
            title: '状态',
            key: 'state',
            render: (_, u) => (
              <Space size={4}>
                {u.active ? <Tag color="green">启用</Tag> : <Tag color="red">停用</Tag>}
                {u.mustChangePassword && <Tag color="orange">待修改一次性密码</Tag>}
              </Space>
            ),
          },
          { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => formatDateTime(t) },
          {
            title: '操作',
            key: 'actions',
            render: (_, u) =>
              u.id === me.id ? (
                <span style={{ color: 'rgba(0,0,0,0.45)' }}>本人账户</span>
              ) : (
                <Space size={0} wrap>
                  {u.active ? (
                    <Popconfirm
                      title={`停用“${u.displayName}”？`}
                      description="停用后该用户立即退出，不能再登录；操作记录保留。"
                      okText="停用"
                      cancelText="取消"
                      onConfirm={() => run(`已停用 ${u.displayName}`, () => call('users.setActive', { userId: u.id, active: false }))}
                    >
                      <Button type="link" size="small" danger data-testid={`deactivate-${u.username}`}>
                        停用
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button type="link" size="small" data-testid={`reactivate-${u.username}`} onClick={() => void run(`已启用 ${u.displayName}`, () => call('users.setActive', { userId: u.id, active: true }))}>
                      启用
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'role', user: u })}>
                    修改角色
                  </Button>
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>
                    重置密码
                  </Button>
                </Space>
              ),
          },
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
      {dialog?.kind === 'role' && (
        <RoleModal user={dialog.user} onClose={() => setDialog(null)} onSave={(role, reason) => run(`已修改 ${dialog.user.displayName} 的角色`, () => call('users.setRole', { userId: dialog.user.id, role, reason }))} />
      )}
      {dialog?.kind === 'reset' && (
        <ResetModal user={dialog.user} onClose={() => setDialog(null)} onSave={(password) => run(`已重置 ${dialog.user.displayName} 的密码`, () => call('users.resetPassword', { userId: dialog.user.id, password }))} />
      )}
    </div>
  );
}

function RoleModal({ user, onClose, onSave }: { user: User; onClose: () => void; onSave: (role: UserRole, reason: string | undefined) => Promise<void> }) {
  const [form] = Form.useForm<{ role: UserRole; reason?: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={`修改角色：${user.displayName}（${user.username}）`}
      okText="保存"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        await onSave(v.role, v.reason?.trim() || undefined);
        setBusy(false);
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ role: user.role }}>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={USER_ROLES.map((r) => ({ value: r, label: USER_ROLE_NAMES[r] }))} />
        </Form.Item>
        <Form.Item name="reason" label="原因（记入操作日志）">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetModal({ user, onClose, onSave }: { user: User; onClose: () => void; onSave: (password: string) => Promise<void> }) {
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={`重置密码：${user.displayName}（${user.username}）`}
      okText="重置"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        await onSave(v.password);
        setBusy(false);
      }}
    >
      <Alert type="info" showIcon className="section" title="设置一次性密码并当面交给本人；本人下次登录时须改为自己的密码，一次性密码随即失效。" />
      <Form form={form} layout="vertical">
        <Form.Item name="password" label="一次性密码" rules={[{ required: true, message: '请填写一次性密码' }, { min: 8, message: '密码至少8个字符' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
