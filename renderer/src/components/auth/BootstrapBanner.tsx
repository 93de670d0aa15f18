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
        description={error ?? '建立账户后，查看和办理案件都须登录，闲置超时自动锁定；系统管理员只管理账户和设置、不办理案件，请随后为稽核员、科室负责人、档案管理员建立账户。稽核结论须由未参与办理的科室负责人审核。'}
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
