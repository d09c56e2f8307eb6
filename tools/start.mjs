#!/usr/bin/env node
// `npm start`: build, then run every subgraph and the gateway as their own processes, exactly as in
// production but with the embedded defaults (SQLite under ./data, dev secrets) unless DATABASE_URL etc. are set.
import { execFileSync, spawn } from 'node:child_process';
import pretty from 'pino-pretty';
import { buildApps } from './build.mjs';

const SUBGRAPHS = [
  { name: 'participants', port: 4001 },
  { name: 'scoring', port: 4002 },
  { name: 'awards', port: 4003 },
  { name: 'reporting', port: 4004 },
];
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? process.env.PORT ?? 4000);
const env = { ...process.env, DATA_DIR: process.env.DATA_DIR ?? './data' };
for (const s of SUBGRAPHS) {
  env[`${s.name.toUpperCase()}_PORT`] ??= String(s.port);
  env[`${s.name.toUpperCase()}_URL`] ??= `http://127.0.0.1:${env[`${s.name.toUpperCase()}_PORT`]}/graphql`;
}
env.GATEWAY_PORT = String(GATEWAY_PORT);
// Subgraphs ask the graph (through the gateway) for facts other subgraphs own.
env.GATEWAY_URL ??= `http://127.0.0.1:${GATEWAY_PORT}/graphql`;

const children = [];
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// The services log JSON lines (what production collects); here they read as one line each:
// "12:04:05 INFO  [gateway] request …". LOG_FORMAT=json keeps the raw lines.
const readable = (process.env.LOG_FORMAT ?? 'pretty') !== 'json';

function run(name, script) {
  const child = spawn(process.execPath, ['--enable-source-maps', script], { env, stdio: ['ignore', readable ? 'pipe' : 'inherit', 'inherit'] });
  if (readable) {
    child.stdout.pipe(
      pretty({
        colorize: process.stdout.isTTY === true,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,service',
        messageFormat: '[{service}] {msg}',
        destination: 1,
        sync: true,
      }),
    );
  }
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`\n✖ ${name} đã dừng (mã ${code}). Dừng toàn bộ hệ thống.`);
      stop(code || 1);
    }
  });
  children.push(child);
}

async function waitReady(name, url, seconds = 180) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (stopping) throw new Error(`${name} stopped`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} không sẵn sàng sau ${seconds} giây (${url})`);
}

try {
  console.log('Đang build…');
  await buildApps();
  for (const s of SUBGRAPHS) {
    run(s.name, `dist/apps/${s.name}/main.js`);
    await waitReady(s.name, `http://127.0.0.1:${env[`${s.name.toUpperCase()}_PORT`]}/health/ready`);
  }
  run('gateway', 'dist/apps/gateway/main.js');
  await waitReady('gateway', `http://127.0.0.1:${GATEWAY_PORT}/health/ready`);
  // With Redis, reporting's jobs run in the report worker (BullMQ); without, inside the reporting subgraph.
  if (env.REDIS_URL) {
    env.REPORT_WORKER_PORT ??= '4005';
    run('report-worker', 'dist/apps/report-worker/main.js');
    await waitReady('report-worker', `http://127.0.0.1:${env.REPORT_WORKER_PORT}/health/ready`);
  }
  const token = execFileSync(process.execPath, ['dist/apps/gateway/token.js', '--role', 'ADMIN', '--ttl', '86400', '--sub', 'dev-admin'], { env })
    .toString()
    .trim();
  console.log(`
────────────────────────────────────────────────────────────────
 thidua đang chạy
 Ứng dụng web: http://localhost:${GATEWAY_PORT}/
 GraphQL:      http://localhost:${GATEWAY_PORT}/graphql${env.NODE_ENV === 'production' ? '' : ' (mở bằng trình duyệt: công cụ thử truy vấn)'}
 Tệp:          http://localhost:${GATEWAY_PORT}/files
 Đăng nhập:    tài khoản admin — ${env.ADMIN_PASSWORD ? 'mật khẩu trong ADMIN_PASSWORD' : 'mật khẩu lần đầu được in ở trên khi khởi động lần đầu'}
 Việc nền:     ${env.REDIS_URL ? `BullMQ (report-worker; bảng điều khiển http://localhost:${GATEWAY_PORT}/queues cho quản trị viên)` : 'trong tiến trình reporting'}
 Cơ sở dữ liệu: ${env.DATABASE_URL ? env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@') : `SQLite trong ${env.DATA_DIR}`}
 Token ADMIN cho script (phát triển, 24 giờ):
 ${token}
 Dừng: Ctrl+C
────────────────────────────────────────────────────────────────`);
} catch (err) {
  console.error(`✖ Không khởi động được: ${err instanceof Error ? err.message : err}`);
  stop(1);
}
