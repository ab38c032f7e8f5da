/**
 * Serves the renderer build (`dist/renderer`) on `app://offprint/`. Chromium cannot run a Vite build from
 * `file://`, and a custom scheme gives the page a real origin for the CSP's `'self'` and the IPC sender check.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { APP_SCHEME } from './app-origin';
import { resolveStaticFile } from './static-files';

/** `main.js` is bundled into `dist/app/`; the renderer build sits beside it in `dist/renderer/`. */
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

/** Must run before the app is ready: Chromium fixes its scheme table at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        // A standard, secure scheme has an origin, so `'self'`, localStorage and same-origin checks work.
        standard: true,
        secure: true,
        supportFetchAPI: true,
        // Vite emits `<script type="module" crossorigin>`; Chromium fetches module scripts in CORS mode,
        // which it only does for CORS-enabled schemes. No Access-Control header is sent, so nothing else can read us.
        corsEnabled: true,
        codeCache: true,
      },
    },
  ]);
}

/** `rendererDir` is a parameter so tests can serve a folder of their own. */
export function setupAppProtocol(rendererDir = RENDERER_DIR): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveStaticFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    let body: Buffer;
    try {
      body = await readFile(file.path);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': file.mediaType,
        // Set here rather than only in webRequest: Chromium does not run header hooks for custom schemes.
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  });
}
