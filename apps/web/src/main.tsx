import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { ApolloClient } from '@apollo/client';
import { createBrowserRouter, RouterProvider, type DataRouter } from 'react-router';
import { App, appRoutes, RENDERED_STATE_ID, routeAt, type RenderedState } from './app';
import { createApolloClient } from './lib/apollo';

const root = document.getElementById('root') as HTMLElement;
const rendered = document.getElementById(RENDERED_STATE_ID)?.textContent;

/** The app with its client of the graph and its router, as both ways of starting render it. */
const app = (client: ApolloClient, router: DataRouter) => (
  <StrictMode>
    <App client={client}>
      <RouterProvider router={router} />
    </App>
  </StrictMode>
);

/** The app rendered in the browser from nothing. */
function render(): void {
  // The one client of the graph and the router are made as soon as the app's code has run, before React renders
  // anything: the router then starts at once the loader of the page opened (lib/routes.ts, `loader`) and the download
  // of its code.
  const client = createApolloClient();
  const router = createBrowserRouter(appRoutes(client));
  root.replaceChildren();
  createRoot(root).render(app(client, router));
}

if (!rendered) render();
else {
  // The gateway sent the page rendered (a public page for a visitor not signed in: src/server.tsx). The page's code
  // (preloaded with the entry) is loaded first, then React takes over the page as it is, from the loader data and the
  // answers it was rendered from: nothing is asked again, and nothing on the screen changes.
  const state = JSON.parse(rendered) as RenderedState;
  const client = createApolloClient({ state: state.apollo });
  const route = routeAt(window.location.pathname);
  // When the page's code cannot be had (a new version replaced it), the app starts over as without the gateway's page.
  void (route?.page ? route.page() : Promise.resolve(undefined)).then((page) => {
    const router = createBrowserRouter(appRoutes(client, route && page ? { route, page } : undefined), { hydrationData: { loaderData: state.loaderData } });
    hydrateRoot(root, app(client, router));
  }, render);
}
