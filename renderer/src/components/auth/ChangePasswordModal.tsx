// 修改密码: the logged-in user replaces his own password (auth.changePassword); the old one is
// checked, and failures count towards the login throttle like a wrong login.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { call, errorText } from '../../api/client';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await call('auth.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      form.resetFields();
      void message.success('密码已修改');
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="修改密码" open={open} onCancel={onClose} onOk={() => void submit()} okText="修改" confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} className="section" />}
      <Form<Values> form={form} layout="vertical" name="change-password">
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请填写原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请填写新密码' }, { min: 8, message: '密码至少8个字符' }]}>
          <Input.Password autoComplete="new-password" />
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
      </Form>
    </Modal>
  );
}
