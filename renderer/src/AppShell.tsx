// The frame around every screen: navigation on the left (单位 / 稽核案件), the page on the right.
import { Layout, Menu, Tag } from 'antd';
import { BankOutlined, FileSearchOutlined } from '@ant-design/icons';
import { navigate, useRoute } from './router';
import { EmployersPage } from './pages/EmployersPage';
import { CasesPage } from './pages/CasesPage';
import { CasePage } from './pages/CasePage';

export function AppShell() {
  const route = useRoute();
  const selected = route.page === 'employers' ? 'employers' : 'cases';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={176} theme="dark">
        <div className="app-brand">
          稽核工作站
          <small>参保单位缴费稽核</small>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          onClick={({ key }) => navigate(key === 'employers' ? { page: 'employers' } : { page: 'cases' })}
          items={[
            { key: 'employers', icon: <BankOutlined />, label: '单位' },
            { key: 'cases', icon: <FileSearchOutlined />, label: '稽核案件' },
          ]}
        />
        {window.api?.runtime === 'harness' && (
          <div style={{ padding: '16px 20px' }}>
            <Tag color="orange">测试宿主</Tag>
          </div>
        )}
      </Layout.Sider>
      <Layout.Content style={{ padding: '16px 20px', minWidth: 0 }}>
        {route.page === 'employers' && <EmployersPage />}
        {route.page === 'cases' && <CasesPage employerId={route.employerId} />}
        {route.page === 'case' && <CasePage key={route.caseId} caseId={route.caseId} />}
      </Layout.Content>
    </Layout>
  );
}
