// The developers' GraphQL explorer (GraphiQL), bundled from node_modules so it works offline; the gateway serves it on
// GET /graphql from a browser outside production. It sends the session cookie, or a bearer token typed in Headers.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({ url: '/graphql', fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }) });

const example = `# Phong trào đã công bố và các mốc thời gian
query {
  campaigns {
    code
    name
    milestones { kind dueDate title }
  }
}
`;

createRoot(document.getElementById('explorer') as HTMLElement).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={example} />
  </StrictMode>,
);
