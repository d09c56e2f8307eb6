// The image's HEALTHCHECK: GET /health/ready of the app this container runs (APP), on its port.
// Exit 0 when it answers 200, 1 otherwise. No dependency: the runtime's global fetch.
const DEFAULT_PORTS = { gateway: 4000, participants: 4001, scoring: 4002, awards: 4003, reporting: 4004, 'report-worker': 4005 };
const app = process.env.APP || 'gateway';
const port = process.env[`${app.toUpperCase().replace(/-/g, '_')}_PORT`] || process.env.PORT || DEFAULT_PORTS[app];
if (!port) {
  console.error(`unknown APP ${app}`);
  process.exit(1);
}
fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(4000) }).then(
  (res) => process.exit(res.status === 200 ? 0 : 1),
  () => process.exit(1),
);
