import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console: static files (web/dist) that the local stack serves at `/` and that serverless.yml puts
 * behind CloudFront. Preact through JSX's automatic runtime; no dev server is needed to use it.
 */
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // ECharts is only for the centre's dashboard: its own chunk, loaded when that page opens.
    chunkSizeWarningLimit: 1200,
  },
});
