import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
// A Chinese web font (split by unicode range, loaded on demand): the console reads the same
// on machines without CJK fonts (the test browser, minimal Linux desktops).
import '@fontsource/noto-sans-sc/400.css';
import 'dayjs/locale/zh-cn';
import { AuthProvider } from './auth/auth';
import { I18nProvider, useI18n } from './i18n/i18n';
import { App } from './app/App';

function Localised() {
  const { language } = useI18n();
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={language === 'zh' ? zhCN : enUS}
      theme={{
        token: {
          colorPrimary: '#1677ff',
          fontFamily:
            "-apple-system, 'Segoe UI', Roboto, 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
        },
      }}
    >
      <AntApp>
        <AuthProvider>
          <App />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter basename="/console">
      <I18nProvider>
        <Localised />
      </I18nProvider>
    </BrowserRouter>
  </StrictMode>,
);
