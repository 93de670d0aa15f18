// While the workstation has no accounts, everything works without login except the section
// head's approval; this banner invites creating the first (administrator) account, and logs it in.
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { call, errorText } from '../../api/client';
import { UserFormModal } from './UserFormModal';

export function BootstrapBanner({ onChanged }: { onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Alert
        type="info"
        showIcon
        className="section"
        data-testid="bootstrap-banner"
        title="本机尚未建立用户账户：除科室负责人审核外，各项功能无需登录即可使用。"
        description={error ?? '建立账户后，每次使用需登录，稽核结论须由经办人以外的科室负责人审核。'}
        action={
          <Button size="small" type="primary" onClick={() => setOpen(true)}>
            建立管理员账户
          </Button>
        }
      />
      <UserFormModal
        open={open}
        first
        onClose={() => setOpen(false)}
        onCreated={async (user, password) => {
          setOpen(false);
          try {
            await call('auth.login', { username: user.username, password });
          } catch (e) {
            setError(errorText(e));
          }
          onChanged();
        }}
      />
    </>
  );
}
