// Entry point: Chinese locale for antd and dayjs, the theme, and the app shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AppShell } from './AppShell';
import { theme } from './theme';
import './styles.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <AppShell />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
