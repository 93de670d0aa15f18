// Creating an account: by the administrator, or the workstation's first account (which the
// backend always makes the administrator, so the role is not asked for then). An account the
// administrator creates gets a one-time password that its owner replaces at the first login.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import type { User, UserCreateInput } from '../../../../shared/api/dto';
import { USER_ROLES, USER_ROLE_NAMES, type UserRole } from '../../../../shared/domain/roles';
import { call, errorText, fieldErrors } from '../../api/client';

interface Props {
  open: boolean;
  /** The first account of the workstation: it becomes the administrator. */
  first: boolean;
  onClose: () => void;
  onCreated: (user: User, password: string) => void;
}

interface Values {
  username: string;
  displayName: string;
  role?: UserRole;
  password: string;
  confirm: string;
}

export function UserFormModal({ open, first, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const input: UserCreateInput = { username: v.username, displayName: v.displayName, password: v.password, ...(first ? {} : { role: v.role }) };
      const user = await call('users.create', input);
      form.resetFields();
      onCreated(user, v.password);
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={first ? '创建管理员账户' : '新建用户'} open={open} onCancel={onClose} onOk={() => void submit()} okText={first ? '创建并登录' : '创建用户'} confirmLoading={busy} destroyOnHidden>
      {first && <Alert type="info" showIcon className="section" title="本机的第一个账户是系统管理员，用于建立稽核员、科室负责人和档案管理员的账户。" />}
      {!first && <Alert type="info" showIcon className="section" title="每人只能有一个账户。这里设置的是一次性密码：请当面交给本人，本人首次登录时须改为自己的密码。" />}
      {error && <Alert type="error" showIcon title={error} className="section" />}
      <Form<Values> form={form} layout="vertical" name="user" initialValues={{ role: 'auditor' }}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        {!first && (
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select options={USER_ROLES.map((r) => ({ value: r, label: USER_ROLE_NAMES[r] }))} />
          </Form.Item>
        )}
        <Form.Item name="password" label={first ? '密码' : '一次性密码'} rules={[{ required: true, message: '请填写密码' }, { min: 8, message: '密码至少8个字符' }]}>
          <Input.Password autoComplete="new-password" />
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
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
