// Builds the renderer (React UI) into dist/renderer, served by Electron's custom protocol and by `offprint serve`.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './common/csp.ts';

/**
 * Electron and the HTTP server send the policy as a header; the built page repeats it in a <meta> so it stays
 * locked down however it is opened. Only for builds: the dev server injects an inline React Refresh preamble
 * that this policy would block.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'offprint-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build is loaded from a custom protocol in Electron and from / over HTTP.
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
  },
});
