// The main window: sandboxed, context-isolated, no Node in the page, no webviews, and only our
// own app:// bundle loaded into it.
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_INDEX_URL } from './appUrl';

export interface MainWindowOptions {
  /** dist/electron/preload.cjs */
  preloadPath: string;
  /** PNG icon for Linux/Windows title bars; packaged builds take theirs from the installer. */
  iconPath: string;
  /** Developer tools are only available when running from source. */
  devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: '稽核工作站',
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#f5f5f5',
    icon: path.resolve(options.iconPath),
    webPreferences: {
      preload: path.resolve(options.preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
      // Electron's only plugin is its built-in PDF viewer, which shows the notice preview
      // (a blob: PDF in an iframe).
      plugins: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_INDEX_URL);
  return window;
}
