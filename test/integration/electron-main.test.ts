// Runs the real bundle dist/electron/main.cjs (built here into a scratch app folder) under Node,
// with a recording stand-in for the 'electron' module and the real backend on a real SQLite
// file. It cannot show what only Electron can (see the README's release smoke check), but it
// proves the bundle loads, wires everything in the right order with the right options, and
// that the IPC handler and the app:// protocol behave as ARCHITECTURE.md §8 demands.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';
import { nativeModulePath } from '../../scripts/native-electron.mjs';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/appUrl';
import { electronNativeBindingPath } from '../../electron/main/nativeBinding';
import { connect } from '../../electron/services/db/open';
import { creditCodeCheckChar } from '../../shared/rules/creditCode';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const requireNative = createRequire(import.meta.url);
const FAKE_ELECTRON_VERSION = '0.0.0-node-test';

type Listener = (...args: unknown[]) => unknown;
type IpcHandler = (event: unknown, raw: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
type ProtocolHandler = (request: Request) => Promise<Response>;

/** A recording stand-in for the parts of Electron's API that electron/main uses. */
function fakeElectron(appDir: string, appData: string) {
  const rec = {
    ready: false,
    schemesRegisteredBeforeReady: false,
    schemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    paths: new Map<string, string>([['appData', appData]]),
    sandboxEnabled: false,
    appListeners: new Map<string, Listener[]>(),
    protocolHandlers: new Map<string, ProtocolHandler>(),
    ipcHandlers: new Map<string, IpcHandler>(),
    webRequest: [] as Array<{ filter: { urls: string[] }; listener: Listener }>,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    windows: [] as Array<{ options: Record<string, unknown>; url: string | null }>,
    menu: null as unknown,
    keychainWrites: 0,
    errors: [] as Array<[string, string]>,
    exitCode: null as number | null,
  };
  let fireReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    fireReady = () => {
      rec.ready = true;
      resolve();
    };
  });
  const on = (event: string, listener: Listener) => {
    rec.appListeners.set(event, [...(rec.appListeners.get(event) ?? []), listener]);
  };
  const session = {
    protocol: { handle: (scheme: string, handler: ProtocolHandler) => rec.protocolHandlers.set(scheme, handler) },
    webRequest: { onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => rec.webRequest.push({ filter, listener }) },
    setPermissionRequestHandler: (h: Listener) => (rec.permissionRequest = h),
    setPermissionCheckHandler: (h: Listener) => (rec.permissionCheck = h),
    setDevicePermissionHandler: () => {},
    setDisplayMediaRequestHandler: () => {},
  };
  class BrowserWindow {
    entry: { options: Record<string, unknown>; url: string | null };
    constructor(options: Record<string, unknown>) {
      this.entry = { options, url: null };
      rec.windows.push(this.entry);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.entry.url = url;
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      getPath: (name: string) => rec.paths.get(name) ?? path.join(appData, name),
      setPath: (name: string, value: string) => rec.paths.set(name, value),
      enableSandbox: () => (rec.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      on,
      whenReady: () => ready,
      isPackaged: false,
      getAppPath: () => appDir,
      getVersion: () => '0.0.0',
      getName: () => '稽核工作站',
      quit: () => {},
      exit: (code: number) => (rec.exitCode = code),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof rec.schemes) => {
        rec.schemesRegisteredBeforeReady = !rec.ready;
        rec.schemes.push(...schemes);
      },
    },
    session: { defaultSession: session },
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => rec.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => rec.ipcHandlers.delete(channel),
    },
    BrowserWindow,
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (rec.menu = menu) },
    dialog: { showErrorBox: (title: string, content: string) => rec.errors.push([title, content]) },
    // A keychain: the "encrypted" bytes are the text XOR-ed and tagged, so they are not the text.
    safeStorage: {
      isEncryptionAvailable: () => rec.ready,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => {
        rec.keychainWrites++;
        return Buffer.concat([Buffer.from('KC1'), Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)]);
      },
      decryptString: (bytes: Buffer) => {
        if (!bytes.subarray(0, 3).equals(Buffer.from('KC1'))) throw new Error('not ours');
        return Buffer.from(bytes.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
      },
    },
  };
  return { electron, rec, fireReady };
}

function validCreditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

/** An IPC event as Electron would deliver it from a frame with this URL. */
function ipcEvent(frameUrl: string | null, { topFrame = true } = {}) {
  const mainFrame = { url: frameUrl, parent: null };
  const senderFrame = frameUrl === null ? null : topFrame ? mainFrame : { url: frameUrl, parent: mainFrame };
  return { senderFrame, sender: { mainFrame } };
}

describe('dist/electron/main.cjs under a recording Electron stand-in', () => {
  let scratch: string;
  let appDir: string;
  let fake: ReturnType<typeof fakeElectron>;
  let invoke: IpcHandler;
  let serve: ProtocolHandler;
  const indexHtml = '<!doctype html><title>稽核工作站</title><script type="module" src="./assets/index.js"></script>';

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'jihe-main-bundle-'));
    appDir = path.join(scratch, 'app');
    mkdirSync(path.join(appDir, 'dist', 'renderer', 'assets'), { recursive: true });
    writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), indexHtml);
    writeFileSync(path.join(appDir, 'dist', 'renderer', 'assets', 'index.js'), 'console.log(1);');
    for (const entry of ['node_modules', 'resources', 'package.json']) {
      symlinkSync(path.join(root, entry), path.join(appDir, entry));
    }
    // The Node build stands in for the Electron-ABI build at the path main will look for.
    const nativeTarget = nativeModulePath(appDir, FAKE_ELECTRON_VERSION);
    mkdirSync(path.dirname(nativeTarget), { recursive: true });
    copyFileSync(path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'), nativeTarget);

    const bundle = await buildElectron({ outDir: path.join(appDir, 'dist', 'electron') });

    fake = fakeElectron(appDir, path.join(scratch, 'appData'));
    Object.defineProperty(process.versions, 'electron', { value: FAKE_ELECTRON_VERSION, configurable: true });
    const Module = requireNative('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
    const originalLoad = Module._load;
    Module._load = function (request: string, ...rest: unknown[]) {
      return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest);
    };
    try {
      requireNative(bundle.main);
    } finally {
      Module._load = originalLoad;
    }
    fake.fireReady();
    for (let i = 0; i < 200 && fake.rec.windows.length === 0 && fake.rec.exitCode === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(fake.rec.errors).toEqual([]);
    invoke = fake.rec.ipcHandlers.get('jihe:invoke')!;
    serve = fake.rec.protocolHandlers.get('app')!;
  });

  afterAll(() => {
    for (const listener of fake?.rec.appListeners.get('will-quit') ?? []) listener();
    delete (process.versions as Record<string, string | undefined>).electron;
    rmSync(scratch, { recursive: true, force: true });
  });

  it('registers app:// as standard and secure before ready, without bypassing CSP or opening CORS', () => {
    expect(fake.rec.schemesRegisteredBeforeReady).toBe(true);
    expect(fake.rec.schemes).toHaveLength(1);
    const [scheme] = fake.rec.schemes;
    expect(scheme!.scheme).toBe('app');
    expect(scheme!.privileges).toMatchObject({ standard: true, secure: true });
    expect(scheme!.privileges.bypassCSP).toBeUndefined();
    expect(scheme!.privileges.corsEnabled).toBeUndefined();
    expect(fake.rec.sandboxEnabled).toBe(true);
  });

  it('keeps a random database key in the keychain (jihe.key, 0600) and the database encrypted with it', () => {
    const dataDir = path.join(scratch, 'appData', 'jihe-workstation');
    expect(fake.rec.keychainWrites).toBe(1);
    expect(existsSync(path.join(dataDir, 'jihe.keyinfo.json'))).toBe(false);
    const stored = readFileSync(path.join(dataDir, 'jihe.key'));
    expect(statSync(path.join(dataDir, 'jihe.key')).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const key = Buffer.from(fake.electron.safeStorage.decryptString(stored), 'hex');
    expect(key).toHaveLength(32);
    const file = path.join(dataDir, 'jihe.sqlite');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM cases').get()).toThrow('file is not a database');
    plain.close();
    const keyed = connect(file, key, { readonly: true });
    expect(keyed.prepare('SELECT count(*) AS n FROM rate_plans').get()).toMatchObject({ n: expect.any(Number) });
    keyed.close();
  });

  it('keeps the data in <appData>/jihe-workstation and opens the window on our bundle with a locked-down renderer', () => {
    expect(fake.rec.paths.get('userData')).toBe(path.join(scratch, 'appData', 'jihe-workstation'));
    expect(fake.rec.windows).toHaveLength(1);
    const window = fake.rec.windows[0]!;
    expect(window.url).toBe('app://bundle/index.html');
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: path.join(appDir, 'dist', 'electron', 'preload.cjs'),
    });
    expect(readFileSync(path.join(appDir, 'dist', 'electron', 'preload.cjs'), 'utf8')).toContain('exposeInMainWorld("api"');
    expect(Array.isArray(fake.rec.menu)).toBe(true);
  });

  it('answers the contract over IPC from our top frame, with the real backend in the data folder', async () => {
    const info = await invoke(ipcEvent('app://bundle/index.html'), { method: 'app.info', input: {} });
    expect(info).toEqual({
      ok: true,
      value: { version: expect.any(String), dataDir: path.join(scratch, 'appData', 'jihe-workstation'), runtime: 'electron' },
    });

    const creditCode = validCreditCode('91350100M000100Y4');
    const created = await invoke(ipcEvent('app://bundle/index.html'), {
      method: 'employers.create',
      input: { name: '福州市鼓楼区示例贸易有限公司', creditCode },
    });
    expect(created.ok).toBe(true);
    const listed = await invoke(ipcEvent('app://bundle/index.html'), { method: 'employers.list', input: {} });
    expect(listed.ok && (listed.value as Array<{ creditCode: string }>).map((e) => e.creditCode)).toEqual([creditCode]);
  });

  it('returns Chinese errors as results for bad input, unknown methods and malformed envelopes', async () => {
    const badInput = await invoke(ipcEvent('app://bundle/index.html'), { method: 'employers.create', input: { name: '' } });
    expect(badInput).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(badInput.error!.message).toMatch(/[\u4e00-\u9fa5]/);

    const unknown = await invoke(ipcEvent('app://bundle/index.html'), { method: 'db.exec', input: { sql: 'DROP TABLE employers' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    for (const raw of [null, 'app.info', { input: {} }, { method: 42, input: {} }]) {
      expect(await invoke(ipcEvent('app://bundle/index.html'), raw)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('refuses IPC from frames that are not our top-level app:// page', async () => {
    const message = { method: 'employers.list', input: {} };
    for (const event of [
      ipcEvent('app://bundle/index.html', { topFrame: false }),
      ipcEvent('https://evil.example/'),
      ipcEvent('file:///etc/passwd'),
      ipcEvent('app://other/index.html'),
      ipcEvent(null),
    ]) {
      expect(await invoke(event, message)).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/拒绝/) } });
    }
  });

  it('serves the renderer over app:// with the CSP header and refuses anything outside it', async () => {
    const index = await serve(new Request('app://bundle/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toBe(indexHtml);

    const script = await serve(new Request('app://bundle/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    const harness = await serve(new Request('app://bundle/harness-api.js'));
    expect(harness.status).toBe(200);
    expect(await harness.text()).toBe('');

    expect((await serve(new Request('app://bundle/assets/missing.js'))).status).toBe(404);
    // dist/secret.txt sits right beside dist/renderer: no spelling of ../ may reach it.
    writeFileSync(path.join(appDir, 'dist', 'secret.txt'), 'SECRET');
    for (const url of [
      'app://bundle/..%2Fsecret.txt',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/assets/..%2F..%2Fsecret.txt',
      'app://bundle/..%5Csecret.txt',
      'app://bundle/%2Fsecret.txt',
      'app://elsewhere/index.html',
    ]) {
      const response = await serve(new Request(url));
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('cancels every network request and denies every permission', () => {
    expect(fake.rec.webRequest).toHaveLength(1);
    const { filter, listener } = fake.rec.webRequest[0]!;
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    let response: unknown;
    listener({ url: 'https://example.com/' }, (r: unknown) => (response = r));
    expect(response).toEqual({ cancel: true });

    let granted: boolean | undefined;
    fake.rec.permissionRequest!({}, 'media', (g: boolean) => (granted = g), {});
    expect(granted).toBe(false);
    expect(fake.rec.permissionCheck!({}, 'clipboard-read', 'app://bundle', {})).toBe(false);
  });

  it('blocks navigation, new windows and webviews in every web contents', () => {
    const handlers = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    const contents = {
      on: (event: string, handler: Listener) => handlers.set(event, handler),
      setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
    };
    for (const listener of fake.rec.appListeners.get('web-contents-created') ?? []) listener({}, contents);

    let prevented = false;
    handlers.get('will-navigate')!({ url: 'https://example.com/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    let webviewPrevented = false;
    handlers.get('will-attach-webview')!({ preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('looks for the Electron-ABI module where scripts/native-electron.mjs puts it', () => {
    const where = { packaged: false, resourcesPath: '/unused', appPath: appDir, electronVersion: '39.8.10' };
    expect(electronNativeBindingPath(where)).toBe(nativeModulePath(appDir, '39.8.10'));
    expect(electronNativeBindingPath({ ...where, packaged: true, resourcesPath: '/opt/jihe/resources' })).toBe(
      path.join('/opt/jihe/resources', 'native', 'electron-39.8.10-mc', 'better_sqlite3.node'),
    );
  });
});
