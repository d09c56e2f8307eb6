import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is built into dist/apps/web and served by the gateway on the same origin as /graphql, /files and /auth.
// `vite` (dev server) proxies those to a running gateway (npm start).
const gateway = process.env.GATEWAY_ORIGIN ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    // Types come from the generated src/gql (codegen's client preset); at run time each page keeps its own operation
    // text and parses it once with graphql-tag, instead of carrying the generated map of every operation of the app.
    alias: [{ find: /^(?:\.\.?\/)+gql$/, replacement: `${import.meta.dirname}/src/lib/graphql-runtime.ts` }],
  },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    // The explorer carries the Monaco editor (about 4 MB); the app itself is split per page.
    chunkSizeWarningLimit: 5000,
    sourcemap: false,
    // Two pages: the app, and the developers' GraphQL explorer (served by the gateway only outside production).
    rolldownOptions: {
      input: { main: `${import.meta.dirname}/index.html`, explorer: `${import.meta.dirname}/explorer.html` },
      // React Compiler's "use no memo" directives in GraphiQL are harmless when bundled.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: Object.fromEntries(['/graphql', '/files', '/score-imports', '/auth', '/queues'].map((p) => [p, { target: gateway, changeOrigin: false }])),
  },
});
