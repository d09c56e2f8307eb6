import type { ApolloClient, NormalizedCacheObject } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { createElement, useEffect, type ComponentType, type ReactNode } from 'react';
import { matchRoutes, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { FeedbackProvider } from './layout/feedback';
import { PageSpinner } from './layout/page-spinner';
import { RequireRole } from './layout/require-role';
import { RouteError } from './layout/route-error';
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

/** A page the gateway rendered: the router's loader data and the client's cache it was rendered from (src/server.tsx). */
export interface RenderedState {
  loaderData: Record<string, unknown>;
  apollo: NormalizedCacheObject;
}

/** The element of the script that carries a rendered page's state (JSON, never run). */
export const RENDERED_STATE_ID = 'thidua-state';

/** The page opened at an address: its route, whose page and loader say whether the gateway may render it. */
export function routeAt(pathname: string): AppRoute | undefined {
  return matchRoutes(
    routes.map((r) => ({ path: r.path, handle: r })),
    pathname,
  )?.at(-1)?.route.handle as AppRoute | undefined;
}

/**
 * The router's routes: the frame and, under it, every role's pages. A page's code comes when it is opened (`lazy`),
 * except the page given as `loaded`, whose code is already here (a page the gateway rendered, being hydrated).
 */
export function appRoutes(client: ApolloClient, loaded?: { route: AppRoute; page: ComponentType }): RouteObject[] {
  return [
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
            if (loaded?.route === r) return { path: r.path, loader: load, element: guarded(createElement(loaded.page)) };
            return { path: r.path, loader: load, lazy: async () => ({ element: guarded(createElement(await page())) }) };
          }),
        },
      ],
    },
  ];
}

/**
 * Marks the app's element once React has taken the page over (`data-started`): a page the gateway sent rendered is
 * readable at once but answers clicks only from then on (the browser journeys wait for it). Rendered by the gateway
 * too, so that the tree, and the ids React gives its elements, are the same on both sides.
 */
function Started() {
  useEffect(() => {
    const root = document.getElementById('root');
    if (root) root.dataset.started = 'true';
  }, []);
  return null;
}

/** Providers (Apollo, antd in Vietnamese, the session) around the router; each role's pages come from its folder. */
export function App({ client, children }: { client: ApolloClient; children: ReactNode }) {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <FeedbackProvider>
        <ApolloProvider client={client}>
          <SessionProvider>
            {children}
            <Started />
          </SessionProvider>
        </ApolloProvider>
      </FeedbackProvider>
    </ConfigProvider>
  );
}
