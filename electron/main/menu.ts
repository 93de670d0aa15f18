// A short Chinese application menu built from Electron's standard roles, so the usual
// shortcuts (copy, paste, zoom, quit) work without any code of ours behind them.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export function installApplicationMenu(options: { devTools: boolean }): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (options.devTools) {
    view.push({ type: 'separator' }, { role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' });
  }
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [{ role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭窗口' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: `关于稽核工作站（版本 ${app.getVersion()}）`, enabled: false }],
    },
  ];
  if (process.platform === 'darwin') {
    template.unshift({ role: 'appMenu', label: app.getName() });
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
