// One look for the whole app: compact, system CJK fonts, a sober blue.
import type { ThemeConfig } from 'antd';

export const FONT_STACK =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Hiragino Sans GB", system-ui, sans-serif';

export const theme: ThemeConfig = {
  token: {
    fontFamily: FONT_STACK,
    fontSize: 13,
    colorPrimary: '#1f5fbf',
    borderRadius: 4,
  },
  components: {
    Table: { cellPaddingBlockSM: 5, cellPaddingInlineSM: 8, headerBg: '#f3f5f8' },
    Layout: { siderBg: '#1d2a3a', headerBg: '#ffffff', bodyBg: '#f4f6f9' },
    Menu: { darkItemBg: '#1d2a3a', darkSubMenuItemBg: '#1d2a3a' },
  },
};
