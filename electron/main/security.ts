// The app is offline and shows only its own bundle: every network request, navigation, new
// window, webview and permission request is refused here, for every web contents and session.
import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './appUrl';

/** Schemes that would reach the network; all of them are cancelled in the session. */
const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) => {
    console.warn(`[security] blocked network request: ${details.url}`);
    callback({ cancel: true });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    console.warn(`[security] denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}

export function hardenWebContents(contents: WebContents): void {
  // The renderer is a single page: it never navigates its top frame, so every attempt (a
  // dropped file, a stray link) is refused.
  contents.on('will-navigate', (event) => {
    console.warn(`[security] blocked navigation to ${event.url}`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      console.warn(`[security] blocked redirect to ${event.url}`);
      event.preventDefault();
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/** Applies hardenWebContents to every web contents the app will ever create. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
