// 系统设置: the agency profile (单位信息), the rate plans (缴费政策), the database backups (数据备份),
// the inactivity lock (安全), and the workstation's signing key, number range and the registered
// laptops (工作站与签名).
import { Tabs } from 'antd';
import { AgencyProfileForm } from '../components/settings/AgencyProfileForm';
import { BackupsPanel } from '../components/settings/BackupsPanel';
import { RatePlansPanel } from '../components/settings/RatePlansPanel';
import { SecurityPanel } from '../components/settings/SecurityPanel';
import { SigningPanel } from '../components/settings/SigningPanel';

export function SettingsPage() {
  return (
    <div>
      <div className="page-title">
        <h2>系统设置</h2>
      </div>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'agency', label: '单位信息', children: <AgencyProfileForm /> },
          { key: 'plans', label: '缴费政策', children: <RatePlansPanel /> },
          { key: 'backups', label: '数据备份', children: <BackupsPanel /> },
          { key: 'security', label: '安全', children: <SecurityPanel /> },
          { key: 'signing', label: '工作站与签名', children: <SigningPanel /> },
        ]}
      />
    </div>
  );
}
