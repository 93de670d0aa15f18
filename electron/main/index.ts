// Electron's entry point (bundled to dist/electron/main.cjs). It only wires things together:
// security settings, the app:// protocol, the backend behind one IPC channel, the menu and the
// window. Everything with logic of its own lives in the backend and is tested under Node.
import path from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { createBackend } from '../services/backend';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { registerIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { createMainWindow } from './window';
import { electronNativeBindingPath } from './nativeBinding';

/** An ASCII folder name keeps the data path easy to type (for `jihe --data`) on every OS. */
const DATA_FOLDER = 'jihe-workstation';

let mainWindow: BrowserWindow | null = null;

function fail(title: string, detail: string): void {
  console.error(`${title}\n${detail}`);
  dialog.showErrorBox(title, detail);
  app.exit(1);
}

function start(): void {
  const devTools = !app.isPackaged;
  const appPath = app.getAppPath();
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });

  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, path.join(appPath, 'dist', 'renderer'));

  const nativeBinding = electronNativeBindingPath({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath,
    electronVersion: process.versions.electron,
  });
  if (!existsSync(nativeBinding)) {
    fail(
      '稽核工作站无法启动',
      `找不到适用于本版 Electron 的数据库组件：\n${nativeBinding}\n\n` +
        '从源码运行时请使用 npm start（它会先构建这个组件）；安装版请重新安装。',
    );
    return;
  }

  let backend: ReturnType<typeof createBackend>;
  try {
    backend = createBackend({ dataDir, nativeBinding, runtime: 'electron', resourcesDir: path.join(appPath, 'resources') });
  } catch (error) {
    fail('稽核工作站无法打开数据库', `数据目录：${dataDir}\n\n${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  registerIpc(backend);
  app.on('will-quit', () => backend.close());

  installApplicationMenu({ devTools });
  mainWindow = createMainWindow({
    preloadPath: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    iconPath: path.join(appPath, 'resources', 'icons', 'icon.png'),
    devTools,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// Everything below runs before 'ready', where Chromium still accepts these settings.
app.setPath('userData', path.join(app.getPath('appData'), DATA_FOLDER));
app.enableSandbox();
registerAppScheme();
hardenAllWebContents();

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database file; hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail('稽核工作站无法启动', error instanceof Error ? (error.stack ?? error.message) : String(error)));
}
