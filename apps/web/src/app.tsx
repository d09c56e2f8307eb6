import { ApolloProvider } from '@apollo/client/react';
import { ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { createElement, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider, type LoaderFunctionArgs } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { FeedbackProvider } from './layout/feedback';
import { PageSpinner } from './layout/page-spinner';
import { RequireRole } from './layout/require-role';
import { RouteError } from './layout/route-error';
import { createApolloClient } from './lib/apollo';
import './lib/format';
import type { AppRoute } from './lib/routes';
import { SessionProvider } from './lib/session';
import { adminRoutes } from './pages/admin/routes';
import { councilRoutes } from './pages/council/routes';
import { homeAffairsRoutes } from './pages/home-affairs/routes';
import { leadRoutes } from './pages/lead/routes';
import { provinceRoutes } from './pages/province/routes';
import { publicRoutes } from './pages/public/routes';
import { unitRoutes } from './pages/unit/routes';

const routes: AppRoute[] = [...publicRoutes, ...unitRoutes, ...leadRoutes, ...homeAffairsRoutes, ...councilRoutes, ...provinceRoutes, ...adminRoutes];

const theme = {
  token: { colorPrimary: '#1d4f91', borderRadius: 6, fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
};

// The one client of the graph and the router are made when the app's code has run, before React renders anything: the
// router then starts at once the loader of the page opened (lib/routes.ts, `loader`) and the download of its code.
const client = createApolloClient();

const router = createBrowserRouter([
  {
    element: <AppLayout routes={routes} />,
    children: [
      {
        // A page that fails (or whose code went away with a new version) shows a Vietnamese message in the frame.
        errorElement: <RouteError />,
        // The frame and a spinner while the router loads the code (a route's `page`) and the data of the page opened first.
        hydrateFallbackElement: <PageSpinner />,
        children: routes.map((r) => {
          const guarded = (element: ReactNode) => (r.roles ? <RequireRole roles={r.roles}>{element}</RequireRole> : element);
          const { page, loader } = r;
          // A loader runs in parallel with the page's code (a static loader beside `lazy`).
          const load = loader && ((args: LoaderFunctionArgs) => loader().then((run) => run(args, client)));
          if (!page) return { path: r.path, element: guarded(r.element), loader: load };
          return { path: r.path, loader: load, lazy: async () => ({ element: guarded(createElement(await page())) }) };
        }),
      },
    ],
  },
]);

/** Providers (Apollo, antd in Vietnamese, the session) and the router; each role's pages come from its folder. */
export function App() {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <FeedbackProvider>
        <ApolloProvider client={client}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </ApolloProvider>
      </FeedbackProvider>
    </ConfigProvider>
  );
}
