import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { RequireRole } from './layout/require-role';
import { RouteError } from './layout/route-error';
import { createApolloClient } from './lib/apollo';
import './lib/format';
import type { AppRoute } from './lib/routes';
import { SessionProvider } from './lib/session';
import { adminRoutes } from './pages/admin/routes';
import { leadRoutes } from './pages/lead/routes';
import { publicRoutes } from './pages/public/routes';
import { unitRoutes } from './pages/unit/routes';

const routes: AppRoute[] = [...publicRoutes, ...unitRoutes, ...leadRoutes, ...adminRoutes];

const theme = {
  token: { colorPrimary: '#1d4f91', borderRadius: 6, fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
};

/** Providers (Apollo, antd in Vietnamese, the session) and the router; each role's pages come from its folder. */
export function App() {
  const client = useMemo(() => createApolloClient(), []);
  const router = useMemo(
    () =>
      createBrowserRouter([
        {
          element: <AppLayout routes={routes} />,
          children: [
            {
              // A page that fails (or whose code went away with a new version) shows a Vietnamese message in the frame.
              errorElement: <RouteError />,
              children: routes.map((r) => ({
                path: r.path,
                element: r.roles ? <RequireRole roles={r.roles}>{r.element}</RequireRole> : r.element,
              })),
            },
          ],
        },
      ]),
    [],
  );
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <ApolloProvider client={client}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
