import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is built into dist/apps/web and served by the gateway on the same origin as /graphql, /files and /auth.
// `vite` (dev server) proxies those to a running gateway (npm start).
const gateway = process.env.GATEWAY_ORIGIN ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    proxy: Object.fromEntries(['/graphql', '/files', '/auth', '/queues'].map((p) => [p, { target: gateway, changeOrigin: false }])),
  },
});
