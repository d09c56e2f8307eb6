#!/usr/bin/env node
// `npm start`: build what changed, then run every subgraph and the gateway as their own processes, exactly as in
// production but with the embedded defaults (SQLite under ./data, dev secrets) unless DATABASE_URL etc. are set.
//
// Fast on a built tree: a service is bundled again only when a file its last bundle was made from (or the lockfile,
// or the bundler's settings) changed, the web app only when its sources are newer than it (tools/build.mjs). The
// subgraphs, the gateway and the ADMIN token are then started together: the gateway composes from the checked-in
// supergraph and asks a subgraph nothing until a request comes, and the subgraphs ask the gateway only when serving
// one. The banner comes once every service answers /health/ready, with the first ADMIN's password when this start
// created that account.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import pretty from 'pino-pretty';
import { buildApps } from './build.mjs';
import { services, stopChildren, SUBGRAPHS, waitReady as waitServiceReady, withServiceUrls } from './services.mjs';

const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? process.env.PORT ?? 4000);
const env = withServiceUrls({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? './data' }, GATEWAY_PORT);
if (env.REDIS_URL) env.REPORT_WORKER_PORT ??= '4005';

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const children = [];
let stopping = false;
/** Stop every service (SIGTERM: each closes its server and database), then exit; whatever still runs after 5 s is killed. */
function stop(code) {
  if (stopping) return;
  stopping = true;
  stopChildren(children).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// The services log JSON lines (what production collects); here they read as one line each:
// "12:04:05 INFO  [gateway] request …". LOG_FORMAT=json keeps the raw lines.
const readable = (process.env.LOG_FORMAT ?? 'pretty') !== 'json';
const prettyLog = readable
  ? pretty({
      colorize: process.stdout.isTTY === true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service',
      messageFormat: '[{service}] {msg}',
      destination: 1,
      sync: true,
    })
  : null;

/**
 * The gateway prints the first ADMIN's one-time password in a framed block on stdout (not a log line, never logged).
 * It is kept out of the log and shown in the banner, so it is not lost among the lines of five services starting.
 */
let adminPassword = null;
let inPasswordBlock = false;
function takePasswordLine(line) {
  const frame = /^═{10,}$/.test(line.trim());
  if (frame || inPasswordBlock) {
    if (frame) inPasswordBlock = !inPasswordBlock;
    const m = /mật khẩu lần đầu: (\S+)/.exec(line);
    if (m) adminPassword = m[1];
    return true;
  }
  return false;
}

function run(name, script) {
  const child = spawn(process.execPath, ['--enable-source-maps', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    if (name === 'gateway' && takePasswordLine(line)) return;
    if (!line.trim() && name === 'gateway') return; // the blank lines around the password block
    if (prettyLog && line.startsWith('{')) prettyLog.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\n✖ ${name} đã dừng (${signal ?? `mã ${code}`}). Dừng toàn bộ hệ thống.`);
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

/** Poll a service's /health/ready until it answers 200, unless the services are being stopped. */
const waitReady = (name, url) => waitServiceReady(name, url, { stopped: () => stopping });

/** A 24-hour ADMIN token for scripts, minted by the gateway's token bundle (run alongside the services' start). */
function mintToken() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/apps/gateway/token.js', '--role', 'ADMIN', '--ttl', '86400', '--sub', 'dev-admin'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`token.js: mã ${code}`))));
  });
}

function printPassword() {
  if (!adminPassword) return;
  console.log(` Tài khoản quản trị: admin / mật khẩu lần đầu: ${adminPassword}\n (chỉ hiện một lần; hãy đổi ngay sau khi đăng nhập)`);
}

try {
  const built = await buildApps(undefined, { onlyStale: true });
  console.log(built.length ? `Đã build ${built.join(', ')} (${seconds()})` : `Bản build còn mới, không build lại (${seconds()})`);
  const all = services(env);
  for (const s of all) run(s.name, s.script);
  const token = mintToken();
  token.catch(() => undefined); // awaited below, after the services
  const ready = all.map((s) => waitReady(s.name, s.ready));
  // With Redis, reporting's jobs run in the report worker (BullMQ); without, inside the reporting subgraph. The worker
  // uses reporting's database: it starts once reporting has migrated it.
  if (env.REDIS_URL) {
    const reporting = ready[SUBGRAPHS.findIndex((s) => s.name === 'reporting')];
    ready.push(
      reporting.then(() => {
        run('report-worker', 'dist/apps/report-worker/main.js');
        return waitReady('report-worker', `http://127.0.0.1:${env.REPORT_WORKER_PORT}/health/ready`);
      }),
    );
  }
  await Promise.all(ready);
  const adminToken = await token;
  console.log(`
────────────────────────────────────────────────────────────────
 thidua đang chạy (sẵn sàng sau ${seconds()})
 Ứng dụng web: http://localhost:${GATEWAY_PORT}/
 GraphQL:      http://localhost:${GATEWAY_PORT}/graphql${env.NODE_ENV === 'production' ? '' : ' (mở bằng trình duyệt: công cụ thử truy vấn)'}
 Tệp:          http://localhost:${GATEWAY_PORT}/files
 Đăng nhập:    ${
   adminPassword
     ? `tài khoản admin / mật khẩu lần đầu: ${adminPassword}\n               (chỉ hiện một lần; hãy đổi ngay sau khi đăng nhập)`
     : `tài khoản admin — ${env.ADMIN_PASSWORD ? 'mật khẩu trong ADMIN_PASSWORD' : 'mật khẩu lần đầu đã được in khi khởi động lần đầu'}`
 }
 Việc nền:     ${env.REDIS_URL ? `BullMQ (report-worker; bảng điều khiển http://localhost:${GATEWAY_PORT}/queues cho quản trị viên)` : 'trong tiến trình reporting'}
 Cơ sở dữ liệu: ${env.DATABASE_URL ? env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@') : `SQLite trong ${env.DATA_DIR}`}
 Token ADMIN cho script (phát triển, 24 giờ):
 ${adminToken}
 Dừng: Ctrl+C
────────────────────────────────────────────────────────────────`);
} catch (err) {
  console.error(`✖ Không khởi động được: ${err instanceof Error ? err.message : err}`);
  // The account exists now: its one-time password must not be lost with the failed start.
  printPassword();
  stop(1);
}
