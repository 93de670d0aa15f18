// The app:// protocol that serves the built renderer (dist/renderer) to the window. A custom,
// standard + secure scheme instead of file:// gives the page a real origin, lets every
// response carry the CSP header, and confines what can be read to one folder.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, appResponseHeaders, resolveAppRequest } from './appUrl';

/** Must run before app 'ready': Chromium fixes its scheme table at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // No corsEnabled and no bypassCSP: other origins cannot read app:// and the CSP applies.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(rendererDir, request.url);
    switch (target.kind) {
      case 'forbidden':
        console.warn(`[protocol] refused ${request.url}: ${target.reason}`);
        return new Response('Forbidden', { status: 403, headers: appResponseHeaders('text/plain; charset=utf-8') });
      case 'harness-stub':
        return new Response('', { status: 200, headers: appResponseHeaders('text/javascript; charset=utf-8') });
      case 'file':
        try {
          const body = await readFile(target.filePath);
          return new Response(body, { status: 200, headers: appResponseHeaders(target.contentType) });
        } catch {
          return new Response('Not Found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
        }
      default: {
        const unreachable: never = target;
        throw new Error(`unhandled request target ${JSON.stringify(unreachable)}`);
      }
    }
  });
}
