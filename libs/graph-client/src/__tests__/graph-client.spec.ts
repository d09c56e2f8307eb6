import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier, loadPlatformConfig } from '@thidua/platform';
import { createGraphClient } from '../graph-client';

describe('graph client', () => {
  const auth = loadPlatformConfig('test', 0, { NODE_ENV: 'test' }).auth;
  let server: http.Server;
  let url: string;
  const seen: Array<{ roles: string[]; userId: string | null }> = [];

  beforeAll(async () => {
    const verify = createTokenVerifier(auth);
    server = http.createServer(async (req, res) => {
      const viewer = await verify(req.headers.authorization);
      seen.push({ roles: viewer.roles, userId: viewer.userId });
      let body = '';
      for await (const chunk of req) body += chunk;
      const { variables } = JSON.parse(body) as { variables: { fail?: boolean } };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(variables.fail ? { errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] } : { data: { ok: true } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('calls the graph as a SERVICE named after the caller', async () => {
    const client = createGraphClient({ url, auth, service: 'scoring' });
    await expect(client.query('{ ok }')).resolves.toEqual({ ok: true });
    expect(seen.at(-1)).toEqual({ roles: ['SERVICE'], userId: 'service:scoring' });
  });

  it('reports graph errors and unreachable gateways as SERVICE_UNAVAILABLE', async () => {
    const client = createGraphClient({ url, auth, service: 'scoring' });
    await expect(client.query('{ ok }', { fail: true })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const dead = createGraphClient({ url: 'http://127.0.0.1:1/graphql', auth, service: 'scoring', timeoutMs: 500 });
    await expect(dead.query('{ ok }')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});
