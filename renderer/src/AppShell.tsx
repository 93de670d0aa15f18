// The frame around every screen: navigation on the left (单位 / 稽核案件, 用户管理 for the
// administrator, the logged-in user), the page on the right; the login page first once accounts exist.
import { Alert, Layout, Menu, Spin, Tag } from 'antd';
import { AlertOutlined, BarChartOutlined, BankOutlined, CalendarOutlined, FileSearchOutlined, IdcardOutlined, MedicineBoxOutlined, RadarChartOutlined, ScheduleOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { navigate, useRoute } from './router';
import { EmployersPage } from './pages/EmployersPage';
import { InstitutionsPage } from './pages/InstitutionsPage';
import { CasesPage } from './pages/CasesPage';
import { CasePage } from './pages/CasePage';
import { LoginPage } from './pages/LoginPage';
import { FirstRunPage } from './pages/FirstRunPage';
import { SettingsPage } from './pages/SettingsPage';
import { InspectorsPage } from './pages/InspectorsPage';
import { DrawsPage } from './pages/DrawsPage';
import { RiskPage } from './pages/RiskPage';
import { PlanPage } from './pages/PlanPage';
import { TipOffsPage } from './pages/TipOffsPage';
import { StatisticsPage } from './pages/StatisticsPage';
import { AuthProvider, useAuth } from './components/auth/AuthContext';
import { BootstrapBanner } from './components/auth/BootstrapBanner';
import { UserBadge } from './components/auth/UserBadge';
import { UsersAdmin } from './components/auth/UsersAdmin';
import { LockScreen } from './components/auth/LockScreen';
import { AgencyProfileBanner } from './components/settings/AgencyProfileBanner';

export function AppShell() {
  return (
    <AuthProvider>
      <AuthGate />
    </AuthProvider>
  );
}

/**
 * Once accounts exist, nobody gets past the login page without logging in: no screen holding case
 * data mounts before. A locked session keeps the page mounted under the lock screen.
 */
function AuthGate() {
  const { session, error, locked, reload } = useAuth();
  if (!session) return error ? <Alert type="error" showIcon title={error} style={{ margin: 24 }} /> : <Spin style={{ margin: 48 }} />;
  if (!session.bootstrap && !session.user) return <LoginPage onLoggedIn={() => void reload()} />;
  // A workstation without accounts: only the create-administrator screen (the test host may open it for tests not about the first run).
  if (session.bootstrap && !window.api?.openFirstRun) return <FirstRunPage onCreated={() => void reload()} />;
  return (
    <>
      {/* Hidden, not unmounted: forms, filters and waiting calls survive the lock. */}
      <div style={locked ? { visibility: 'hidden', height: '100vh', overflow: 'hidden' } : undefined} aria-hidden={locked || undefined}>
        <Shell />
      </div>
      {locked && <LockScreen />}
    </>
  );
}

function Shell() {
  const route = useRoute();
  const { session, reload } = useAuth();
  // The administrator keeps accounts and settings and reads no case (electron/services/auth/access.ts).
  const admin = session?.user?.role === 'admin';
  const page = admin && route.page !== 'settings' ? 'users' : route.page;
  const selected = page === 'employers' || page === 'institutions' || page === 'users' || page === 'settings' || page === 'inspectors' || page === 'draws' || page === 'tipoffs' || page === 'statistics' || page === 'risk' || page === 'plan' ? page : 'cases';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={176} theme="dark">
        <div className="app-brand">
          稽核工作站
          <small>缴费稽核与定点机构检查</small>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          onClick={({ key }) => navigate(key === 'employers' || key === 'institutions' || key === 'users' || key === 'settings' || key === 'inspectors' || key === 'draws' || key === 'tipoffs' || key === 'statistics' || key === 'risk' || key === 'plan' ? { page: key } : { page: 'cases' })}
          items={[
            ...(admin
              ? [{ key: 'users', icon: <TeamOutlined />, label: '用户管理' }]
              : [
                  { key: 'employers', icon: <BankOutlined />, label: '单位' },
                  { key: 'institutions', icon: <MedicineBoxOutlined />, label: '定点医药机构' },
                  { key: 'cases', icon: <FileSearchOutlined />, label: '稽核案件' },
                  { key: 'inspectors', icon: <IdcardOutlined />, label: '检查人员' },
                  { key: 'risk', icon: <RadarChartOutlined />, label: '风险筛查' },
                  { key: 'plan', icon: <CalendarOutlined />, label: '年度计划' },
                  { key: 'draws', icon: <ScheduleOutlined />, label: '双随机抽查' },
                  { key: 'tipoffs', icon: <AlertOutlined />, label: '举报' },
                  { key: 'statistics', icon: <BarChartOutlined />, label: '统计报表' },
                ]),
            { key: 'settings', icon: <SettingOutlined />, label: '系统设置' },
          ]}
        />
        <UserBadge />
        {window.api?.runtime === 'harness' && (
          <div style={{ padding: '16px 20px' }}>
            <Tag color="orange">测试宿主</Tag>
          </div>
        )}
      </Layout.Sider>
      <Layout.Content style={{ padding: '16px 20px', minWidth: 0 }}>
        {session?.bootstrap && <BootstrapBanner onChanged={() => void reload()} />}
        <AgencyProfileBanner />
        {page === 'users' && <UsersAdmin />}
        {page === 'settings' && <SettingsPage />}
        {page === 'employers' && <EmployersPage />}
        {page === 'institutions' && <InstitutionsPage />}
        {route.page === 'cases' && page === 'cases' && <CasesPage employerId={route.employerId} />}
        {route.page === 'case' && page === 'case' && <CasePage key={route.caseId} caseId={route.caseId} />}
        {page === 'inspectors' && route.page === 'inspectors' && <InspectorsPage />}
        {page === 'draws' && route.page === 'draws' && <DrawsPage drawId={route.drawId} />}
        {page === 'risk' && <RiskPage />}
        {page === 'plan' && <PlanPage />}
        {page === 'tipoffs' && <TipOffsPage />}
        {page === 'statistics' && <StatisticsPage />}
      </Layout.Content>
    </Layout>
  );
}
