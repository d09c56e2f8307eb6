import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

// The app is built into dist/apps/web and served by the gateway on the same origin as /graphql, /files and /auth.
// `vite` (dev server) proxies those to a running gateway (npm start).
const gateway = process.env.GATEWAY_ORIGIN ?? 'http://127.0.0.1:4000';

/**
 * The pages a visitor opens by their address (a link someone shared), as the routes name them (":code" is one part of
 * the path), and the module of each (or its modules, in the order they are needed: the route loader's, then the page's). The gateway sends index.html for such an address with a
 * `<link rel="modulepreload">` for each chunk of the page's module (from Vite's manifest), so the page's code downloads
 * with the entry's instead of after it has run (apps/gateway/src/web.ts). The build fails when one is not a lazily
 * loaded page any more.
 */
const landingPages: Record<string, string | string[]> = {
  '/phong-trao/:code': 'src/pages/public/campaign-page.tsx',
  // The ranking's route loader, then its page: the browser fetches a few files at a time, in this order, and the
  // loader's small module asks for the data while the page's code still downloads and compiles.
  '/xep-hang': ['src/features/ranking/rankings-query.ts', 'src/pages/public/rankings-page.tsx'],
  '/khen-thuong': 'src/pages/public/awardees-page.tsx',
  '/lay-y-kien': 'src/pages/public/consultation-page.tsx',
  '/don-vi': 'src/pages/public/directory-page.tsx',
  '/don-vi/:code': 'src/pages/public/unit-page.tsx',
  '/dang-nhap': 'src/pages/account/login-page.tsx',
};

/** Writes the table above beside Vite's manifest, as .vite/landing-pages.json. */
function landingPagesFile(): Plugin {
  return {
    name: 'thidua-landing-pages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const pages = new Set(Object.values(bundle).flatMap((c) => (c.type === 'chunk' && c.isDynamicEntry && c.facadeModuleId ? [c.facadeModuleId] : [])));
      for (const [path, modules] of Object.entries(landingPages)) {
        for (const module of [modules].flat()) {
          if (!pages.has(resolve(import.meta.dirname, module))) this.error(`${module} (of the page at ${path}) is not loaded lazily by the app: update landingPages in vite.config.ts`);
        }
      }
      this.emitFile({ type: 'asset', fileName: '.vite/landing-pages.json', source: `${JSON.stringify(landingPages, null, 2)}\n` });
    },
  };
}

const alias = [{ find: /^(?:\.\.?\/)+gql$/, replacement: `${import.meta.dirname}/src/lib/graphql-runtime.ts` }];

// @rc-component/form's index attaches Field, List and useForm to its Form; nothing marks that as free of side
// effects, so antd's form context (imported by Tooltip, Space and others for FormProvider) brought the whole form
// library and its validator to the first page. Its parts say what they export; the index adds nothing else.
const treeshake = { moduleSideEffects: [{ test: /\/@rc-component\/form\/es\/index\.js$/, sideEffects: false }] };

// React Compiler's "use no memo" directives in GraphiQL are harmless when bundled.
const onwarn: NonNullable<NonNullable<UserConfig['build']>['rolldownOptions']>['onwarn'] = (warning, warn) => {
  if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
};

/**
 * `vite build --ssr src/server.tsx`: the renderer of the public pages the gateway sends rendered (src/server.tsx), in
 * CommonJS with everything it needs bundled (dist/apps/web/server/render.cjs and the chunks of the pages it loads),
 * React in its production build.
 */
const server: UserConfig = {
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { alias },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ssr: { noExternal: true, target: 'node' },
  build: {
    outDir: '../../dist/apps/web/server',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      treeshake,
      output: { format: 'cjs', entryFileNames: 'render.cjs', chunkFileNames: '[name]-[hash].cjs' },
      onwarn,
    },
  },
};

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? server : {
  root: import.meta.dirname,
  plugins: [react(), landingPagesFile()],
  resolve: {
    // Types come from the generated src/gql (codegen's client preset); at run time each page keeps its own operation
    // text and parses it once with graphql-tag, instead of carrying the generated map of every operation of the app.
    alias,
  },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    // The explorer carries the Monaco editor (about 4 MB); the app itself is split per page.
    chunkSizeWarningLimit: 5000,
    sourcemap: false,
    // .vite/manifest.json: the chunks of each module, for the gateway's preload hints (landingPages above).
    manifest: true,
    // Two pages: the app, and the developers' GraphQL explorer (served by the gateway only outside production).
    rolldownOptions: {
      treeshake,
      input: { main: `${import.meta.dirname}/index.html`, explorer: `${import.meta.dirname}/explorer.html` },
      onwarn,
    },
  },
  server: {
    proxy: Object.fromEntries(['/graphql', '/files', '/score-imports', '/auth', '/queues'].map((p) => [p, { target: gateway, changeOrigin: false }])),
  },
}));
