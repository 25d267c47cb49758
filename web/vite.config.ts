import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));
// The request/response contracts the dashboard shares with the server (web/tsconfig.json maps the same name).
const contracts = fileURLToPath(new URL('../src/contracts', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@feedloop/contracts': contracts } },
  build: {
    outDir,
    emptyOutDir: true,
    // Keep every asset a real file: the server's CSP only allows data: URIs for images.
    assetsInlineLimit: 0,
    sourcemap: false,
    // scripts/bench/dashboard.ts reads which chunks the first screen loads from the manifest.
    manifest: true,
    rolldownOptions: {
      // The server-rendered pages (survey link page, demo shop) link the fonts' stylesheet on its
      // own; src/platform/http/page-fonts.ts finds its hashed name in the manifest.
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        'page-fonts': fileURLToPath(new URL('src/styles/page-fonts.css', import.meta.url)),
      },
      output: {
        // React and i18next change far less often than the dashboard: a chunk of their own stays
        // cached across upgrades. Pages behind React.lazy (the overview's charts) split off as well.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next)[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  test: {
    root: webRoot,
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
