// Electron's entry point (bundled to dist/electron/main.cjs). It only wires things together:
// security settings, the app:// protocol, the backend behind one IPC channel, the menu and the
// window. Everything with logic of its own lives in the backend and is tested under Node.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { createBackend, type Backend } from '../services/backend';
import { databaseKeyFromPassphrase, KeyUnavailable, PASSPHRASE_ENV } from '../services/db/dbKey';
import { WrongDatabaseKey } from '../services/db/open';
import { ensurePrivateDir } from '../services/fsPrivate';
import { keyFromKeychain } from './databaseKey';
import { askPassphrase } from './unlock';
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

async function start(): Promise<void> {
  const devTools = !app.isPackaged;
  const appPath = app.getAppPath();
  const dataDir = app.getPath('userData');
  ensurePrivateDir(dataDir);

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

  const open = (key: Buffer) => createBackend({ dataDir, nativeBinding, key, runtime: 'electron', resourcesDir: path.join(appPath, 'resources') });
  let backend: Backend | null = null;
  let closeUnlockWindow = () => {};
  try {
    const keychainKey = keyFromKeychain(dataDir);
    const envPassphrase = process.env[PASSPHRASE_ENV];
    if (keychainKey) backend = open(keychainKey);
    else if (envPassphrase) backend = open(databaseKeyFromPassphrase(dataDir, envPassphrase));
  } catch (error) {
    fail('稽核工作站无法打开数据库', `数据目录：${dataDir}\n\n${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!backend) {
    // No keychain: the passphrase window, until a passphrase opens the database or the user gives up.
    const unlocked = await askPassphrase({
      dataDir,
      preloadPath: path.join(appPath, 'dist', 'electron', 'unlock.cjs'),
      open: (passphrase) => {
        try {
          backend = open(databaseKeyFromPassphrase(dataDir, passphrase));
          return null;
        } catch (error) {
          if (error instanceof WrongDatabaseKey || error instanceof KeyUnavailable) return error.message;
          return `无法打开数据库：${error instanceof Error ? error.message : String(error)}`;
        }
      },
    });
    if (!unlocked || !backend) {
      app.quit();
      return;
    }
    closeUnlockWindow = unlocked;
  }
  const live: Backend = backend;
  registerIpc(live);
  app.on('will-quit', () => live.close());

  installApplicationMenu({ devTools });
  mainWindow = createMainWindow({
    preloadPath: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    iconPath: path.join(appPath, 'resources', 'icons', 'icon.png'),
    devTools,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  closeUnlockWindow();
}

// Everything below runs before 'ready', where Chromium still accepts these settings.
// Whatever the app writes (database journals, exports, temporary files) is the user's alone.
process.umask(0o077);
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
