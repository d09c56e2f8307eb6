// The gateway renders the public pages that ask for their data before they are shown (a route `loader`, such as the
// ranking) for a visitor who is not signed in: the page arrives with its rows, readable before the app's code has run,
// and the browser then takes it over (src/main.tsx hydrates it from the state written here). Built by Vite as
// dist/apps/web/server/render.cjs (vite.config.ts) and loaded by the gateway (apps/gateway/src/web.ts).
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { ApolloLink } from '@apollo/client';
import { print } from '@apollo/client/utilities';
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { from } from 'rxjs';
import { App, appRoutes, RENDERED_STATE_ID, routeAt, type RenderedState } from './app';
import { createApolloClient } from './lib/apollo';

/** An operation of the graph, run by the gateway itself for an anonymous visitor. */
export type ExecuteOperation = (operation: { query: string; variables?: Record<string, unknown>; operationName?: string }) => Promise<{ data?: unknown; errors?: ReadonlyArray<unknown> }>;

/**
 * What the gateway puts in index.html: `head` (the page's styles and state) before the app's element, `body` inside it
 * (`<div id="root">`). The styles move to the document's head when the app starts (@ant-design/cssinjs).
 */
export interface RenderedPage {
  head: string;
  body: string;
}

/**
 * antd's styles, computed once per component and theme for every page rendered here rather than again per visit (each
 * page then carries the styles of the components rendered so far: the same few on these pages).
 */
const styles = createCache();

/** JSON inside a `<script>` element: nothing in it may end the element or open a comment. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * The page at `url`, rendered with the answers of the graph, or null when this page is not rendered by the gateway
 * (no route loader, or signed-in pages), when the router answered otherwise (a redirect, an error) or when the graph
 * answered with an error: the browser then renders the page itself and shows what went wrong as usual.
 */
export async function renderPage(url: string, execute: ExecuteOperation, signal?: AbortSignal): Promise<RenderedPage | null> {
  const route = routeAt(new URL(url).pathname);
  if (!route || route.roles || !route.loader) return null;
  let failed = false;
  const transport = new ApolloLink((operation) =>
    from(
      execute({ query: print(operation.query), variables: operation.variables, operationName: operation.operationName }).then(
        (result) => {
          if (result.errors?.length) failed = true;
          return result as ApolloLink.Result;
        },
        (error: unknown) => {
          failed = true;
          throw error;
        },
      ),
    ),
  );
  const client = createApolloClient({ transport, ssrMode: true });
  const { query, dataRoutes } = createStaticHandler(appRoutes(client));
  const context = await query(new Request(url, { signal }));
  if (context instanceof Response || context.errors || context.statusCode !== 200 || failed || signal?.aborted) return null;
  const router = createStaticRouter(dataRoutes, context);
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <StyleProvider cache={styles}>
        <App client={client}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </App>
      </StyleProvider>
    </StrictMode>,
    // Whole: no part of the page is sent apart to be put in place by an inline script (the page's policy runs none).
    { signal, progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  // Whole chunks first: a Vietnamese letter may be split between two of them.
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const body = Buffer.concat(chunks).toString('utf8');
  const state: RenderedState = { loaderData: context.loaderData, apollo: client.extract() as RenderedState['apollo'] };
  return { head: `${extractStyle(styles)}<script type="application/json" id="${RENDERED_STATE_ID}">${scriptJson(state)}</script>`, body };
}
