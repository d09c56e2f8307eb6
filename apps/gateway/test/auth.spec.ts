import http from 'node:http';
import { Writable } from 'node:stream';
import { startParticipants } from '@thidua/participants';
import { AuditEntry, createTokenVerifier, hasRole, loadPlatformConfig } from '@thidua/platform';
import { describeEachDatabase, errorCodes, freePort, gql, startStack, TEST_ADMIN_PASSWORD, type TestStack } from '@thidua/testing';
import pino from 'pino';
import { loadGatewayConfig, startGateway, type RunningGateway } from '../src';
import { Account } from '../src/auth/account.entity';

interface ApiError {
  message: string;
  extensions: { code: string; field?: string; lockedUntil?: string };
}

interface AccountView {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  orgUnitId: string | null;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  version: number;
}

interface SessionView {
  mode: string;
  authenticated: boolean;
  account: null | { id: string; username: string | null; displayName: string; roles: string[]; orgUnitId: string | null; mustChangePassword: boolean };
}

interface Answer<T> {
  status: number;
  body: T & { errors?: ApiError[] };
  text: string;
  setCookies: string[];
  headers: Headers;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const VIETNAMESE = /[À-ỹ]/;

/** A clock the test moves forward instead of waiting (lockouts, idle and absolute session ends). */
function movableClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advanceMinutes: (m: number) => {
      offsetMs += m * 60_000;
    },
  };
}

describeEachDatabase('sign-in and accounts', (db) => {
  let stack: TestStack;
  let gw: RunningGateway;
  let workerPort: number;
  let worker: http.Server | undefined;
  const clock = movableClock();
  const logLines: string[] = [];
  const responses: string[] = [];
  const secrets: string[] = [TEST_ADMIN_PASSWORD];
  const units: { a: string; b: string } = { a: '', b: '' };

  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    opts: { cookie?: string; json?: unknown; token?: string; headers?: Record<string, string>; body?: RequestInit['body'] } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.json !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${stack.origin}${path}`, {
      method,
      headers,
      body: opts.body ?? (opts.json === undefined ? undefined : JSON.stringify(opts.json)),
      redirect: 'manual',
    });
    const text = await res.text();
    responses.push(text, ...res.headers.getSetCookie());
    let body = {} as T & { errors?: ApiError[] };
    try {
      body = JSON.parse(text) as T & { errors?: ApiError[] };
    } catch {
      // an HTML page or an empty answer
    }
    return { status: res.status, body, text, setCookies: res.headers.getSetCookie(), headers: res.headers };
  }

  const codes = (r: Answer<unknown>) => (r.body.errors ?? []).map((e) => e.extensions.code);
  const fields = (r: Answer<unknown>) => (r.body.errors ?? []).map((e) => e.extensions.field);
  const cookieOf = (r: Answer<unknown>) => {
    const c = r.setCookies.find((s) => s.startsWith('thidua_session=') && !s.startsWith('thidua_session=;'));
    if (!c) throw new Error(`no session cookie (${r.status}): ${r.text}`);
    return c.split(';')[0] as string;
  };
  const clearsCookie = (r: Answer<unknown>) => r.setCookies.some((c) => /^thidua_session=;/.test(c) && /Max-Age=0/i.test(c));

  async function login(username: string, password: string): Promise<string> {
    const r = await call<SessionView>('POST', '/auth/login', { json: { username, password } });
    expect(r.status).toBe(200);
    return cookieOf(r);
  }
  const viewerOf = async (cookie: string) =>
    (await gql<{ viewer: { userId: string | null; roles: string[]; anonymous: boolean; unit: { id: string } | null } }>(stack.url, '{ viewer { userId roles anonymous unit { id } } }', {}, undefined, { cookie }))
      .data?.viewer;

  let adminCookie: string;
  let adminId: string;
  let officer: AccountView;

  async function createAccount(input: Record<string, unknown>): Promise<AccountView> {
    secrets.push(String(input.password));
    const r = await call<{ account: AccountView }>('POST', '/auth/accounts', { cookie: adminCookie, json: input });
    if (r.status !== 201) throw new Error(`create failed (${r.status}): ${r.text}`);
    return r.body.account;
  }

  beforeAll(async () => {
    workerPort = await freePort();
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    stack = await startStack({
      db,
      presets: false,
      subgraphs: { participants: startParticipants },
      env: { REPORT_WORKER_URL: `http://127.0.0.1:${workerPort}` },
      gateway: async (env) => {
        gw = await startGateway(loadGatewayConfig(env), { clock: clock.now, logger: pino({ level: 'debug', base: { service: 'gateway' } }, sink) });
        return gw;
      },
    });
    adminCookie = await login('admin', TEST_ADMIN_PASSWORD);
    const me = await call<SessionView>('GET', '/auth/session', { cookie: adminCookie });
    adminId = me.body.account?.id as string;
    const created = await gql<{ a: { id: string }; b: { id: string } }>(
      stack.url,
      `mutation {
        a: createOrgUnit(input: { code: "P-TAN-AN", name: "UBND phường Tân An", kind: WARD_PC }) { id }
        b: createOrgUnit(input: { code: "P-EA-TAM", name: "UBND phường Ea Tam", kind: WARD_PC }) { id }
      }`,
      {},
      undefined,
      { cookie: adminCookie },
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    units.a = created.data.a.id;
    units.b = created.data.b.id;
    officer = await createAccount({ username: 'can-bo.tan-an', displayName: 'Nguyễn Thị Lan', roles: ['UNIT_OFFICER'], orgUnitId: units.a, password: 'Lan@TanAn2025' });
  });
  afterAll(async () => {
    await stack?.close();
    if (worker) await new Promise<void>((r) => worker?.close(() => r()));
  });

  it('creates the first ADMIN from ADMIN_PASSWORD and signs in with an HttpOnly, SameSite cookie', async () => {
    const r = await call<SessionView>('POST', '/auth/login', { json: { username: 'Admin', password: TEST_ADMIN_PASSWORD } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      mode: 'local',
      authenticated: true,
      account: { id: adminId, username: 'admin', displayName: 'Quản trị hệ thống', roles: ['ADMIN'], orgUnitId: null, mustChangePassword: false },
    });
    const cookie = r.setCookies.find((c) => c.startsWith('thidua_session=')) as string;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    expect(await gw.accounts.ensureFirstAdmin(undefined)).toEqual({ created: false });
    const anonymous = await call<SessionView>('GET', '/auth/session');
    expect(anonymous.body).toEqual({ mode: 'local', authenticated: false, account: null });
    expect((await fetch(`${stack.origin}/health/ready`)).status).toBe(200);
  });

  it('authenticates GraphQL with the cookie alone, as the account (ADMIN-only audit log included)', async () => {
    expect(await viewerOf(adminCookie)).toEqual({ userId: adminId, roles: ['ADMIN'], anonymous: false, unit: null });
    const audit = await gql<{ participantsAuditLog: Array<{ actorId: string; entityType: string }> }>(
      stack.url,
      '{ participantsAuditLog(entityType: "OrgUnit") { actorId entityType } }',
      {},
      undefined,
      { cookie: adminCookie },
    );
    expect(audit.errors).toEqual([]);
    expect(audit.data?.participantsAuditLog).toHaveLength(2);
    expect(audit.data?.participantsAuditLog.every((e) => e.actorId === adminId)).toBe(true);
    expect(errorCodes(await gql(stack.url, '{ participantsAuditLog { id } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it("lets a unit officer's cookie write its own unit's data and refuses another unit", async () => {
    expect(officer).toMatchObject({ username: 'can-bo.tan-an', roles: ['UNIT_OFFICER'], orgUnitId: units.a, active: true, mustChangePassword: true, version: 1 });
    const cookie = await login('can-bo.tan-an', 'Lan@TanAn2025');
    expect(await viewerOf(cookie)).toEqual({ userId: officer.id, roles: ['UNIT_OFFICER'], anonymous: false, unit: { id: units.a } });
    const create = (unitId: string) =>
      gql<{ createPerson: { id: string } }>(stack.url, 'mutation($u: ID!) { createPerson(input: { fullName: "Trần Văn Bình", kind: CIVIL_SERVANT, unitId: $u }) { id } }', { u: unitId }, undefined, { cookie });
    const own = await create(units.a);
    expect(own.errors).toEqual([]);
    const other = await create(units.b);
    expect(errorCodes(other)).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(other.errors[0]?.message).toBe('Bạn chỉ được thay đổi dữ liệu của đơn vị mình.');
    const audit = await gql<{ participantsAuditLog: Array<{ entityId: string; actorRoles: string[]; actorUnitId: string }> }>(
      stack.url,
      'query($a: String!) { participantsAuditLog(actorId: $a) { entityId actorRoles actorUnitId } }',
      { a: officer.id },
      undefined,
      { cookie: adminCookie },
    );
    expect(audit.data?.participantsAuditLog).toEqual([{ entityId: own.data?.createPerson.id, actorRoles: ['UNIT_OFFICER'], actorUnitId: units.a }]);
  });

  it('needs the CSRF header (and a same-site Origin) for an upload with the cookie, not with a bearer token', async () => {
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob([PDF], { type: 'application/pdf' }), 'kế-hoạch.pdf');
      return f;
    };
    const bare = await call('POST', '/files', { cookie: adminCookie, body: form() });
    expect(bare.status).toBe(403);
    expect(codes(bare)).toEqual(['CSRF_REJECTED']);
    expect(bare.body.errors?.[0]?.message).toMatch(VIETNAMESE);
    const crossSite = await call('POST', '/files', { cookie: adminCookie, body: form(), headers: { 'x-thidua-csrf': '1', origin: 'https://evil.example' } });
    expect(codes(crossSite)).toEqual(['CSRF_REJECTED']);
    const ok = await call<{ id: string; name: string }>('POST', '/files', { cookie: adminCookie, body: form(), headers: { 'x-thidua-csrf': '1', origin: stack.origin } });
    expect(ok.status).toBe(201);
    expect(ok.body.name).toBe('kế-hoạch.pdf');
    const download = await fetch(`${stack.origin}/files/${ok.body.id}`, { headers: { cookie: adminCookie } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(`${stack.origin}/files/${ok.body.id}`)).status).toBe(401);
    const bearer = await call('POST', '/files', { token: await stack.token('ADMIN'), body: form() });
    expect(bearer.status).toBe(201);
  });

  it('ends the session at sign-out: the same cookie is anonymous afterwards and the answer clears it', async () => {
    const cookie = await login('admin', TEST_ADMIN_PASSWORD);
    const out = await call<SessionView>('POST', '/auth/logout', { cookie, json: {} });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ mode: 'local', authenticated: false, account: null });
    expect(clearsCookie(out)).toBe(true);
    const after = await call<SessionView>('GET', '/auth/session', { cookie });
    expect(after.body.authenticated).toBe(false);
    expect(clearsCookie(after)).toBe(true);
    expect(await viewerOf(cookie)).toMatchObject({ anonymous: true, userId: null });
    const forged = await call<SessionView>('GET', '/auth/session', { cookie: 'thidua_session=khong-phai-phien-hop-le-0123456789' });
    expect(forged.status).toBe(200);
    expect(forged.body.authenticated).toBe(false);
  });

  it('locks an account after five wrong passwords until the lock expires; unknown users get the same answer', async () => {
    await createAccount({ username: 'khoa.thu', displayName: 'Lê Văn Khoa', roles: ['LEAD_AGENCY'], orgUnitId: units.b, password: 'Khoa-dung-2025' });
    const unknown = await call('POST', '/auth/login', { json: { username: 'khong-ton-tai', password: 'Khoa-dung-2025' } });
    expect(unknown.status).toBe(401);
    expect(codes(unknown)).toEqual(['AUTH_INVALID_CREDENTIALS']);
    for (let i = 1; i <= 4; i++) {
      const wrong = await call('POST', '/auth/login', { json: { username: 'khoa.thu', password: `sai-mat-khau-${i}` } });
      expect(wrong.status).toBe(401);
      expect(wrong.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
    }
    const fifth = await call('POST', '/auth/login', { json: { username: 'khoa.thu', password: 'sai-mat-khau-5' } });
    expect(fifth.status).toBe(423);
    expect(codes(fifth)).toEqual(['AUTH_LOCKED']);
    const lockedUntil = new Date(fifth.body.errors?.[0]?.extensions.lockedUntil as string);
    expect(Math.round((lockedUntil.getTime() - clock.now().getTime()) / 60_000)).toBe(15);
    const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(lockedUntil);
    expect(fifth.body.errors?.[0]?.message).toMatch(new RegExp(`${shown} \\d{2}/\\d{2}/\\d{4}`));
    const right = await call('POST', '/auth/login', { json: { username: 'khoa.thu', password: 'Khoa-dung-2025' } });
    expect(right.status).toBe(423);
    expect(codes(right)).toEqual(['AUTH_LOCKED']);
    expect(right.setCookies.filter((c) => !c.startsWith('thidua_session=;'))).toEqual([]);

    clock.advanceMinutes(16);
    const later = await call<SessionView>('POST', '/auth/login', { json: { username: 'khoa.thu', password: 'Khoa-dung-2025' } });
    expect(later.status).toBe(200);
    // A success resets the count: four more wrong passwords do not lock it.
    for (let i = 1; i <= 4; i++) expect((await call('POST', '/auth/login', { json: { username: 'khoa.thu', password: `lai-sai-${i}` } })).status).toBe(401);
    expect((await call('POST', '/auth/login', { json: { username: 'khoa.thu', password: 'Khoa-dung-2025' } })).status).toBe(200);
    const rows = await gw.db.manager.find(AuditEntry, { where: { entityId: later.body.account?.id } });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'login_failed', 'lock', 'login']));
  });

  it('ends the sessions of an account the ADMIN disables or whose roles change, at once; a stale edit changes nothing', async () => {
    const acc = await createAccount({ username: 'tam.nv', displayName: 'Phạm Minh Tâm', roles: ['HOME_AFFAIRS'], orgUnitId: units.b, email: 'tam@danang.gov.vn', password: 'Tam-noi-vu-2025' });
    let cookie = await login('tam.nv', 'Tam-noi-vu-2025');
    expect((await viewerOf(cookie))?.anonymous).toBe(false);

    const roles = await call<{ account: AccountView }>('PATCH', `/auth/accounts/${acc.id}`, { cookie: adminCookie, json: { expectedVersion: acc.version, roles: ['HOME_AFFAIRS', 'COUNCIL'] } });
    expect(roles.status).toBe(200);
    expect(roles.body.account).toMatchObject({ roles: ['HOME_AFFAIRS', 'COUNCIL'], version: acc.version + 1 });
    expect((await viewerOf(cookie))?.anonymous).toBe(true);
    cookie = await login('tam.nv', 'Tam-noi-vu-2025');
    expect((await viewerOf(cookie))?.roles).toEqual(['HOME_AFFAIRS', 'COUNCIL']);

    const stale = await call('PATCH', `/auth/accounts/${acc.id}`, { cookie: adminCookie, json: { expectedVersion: acc.version, active: false } });
    expect(stale.status).toBe(409);
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    expect((await viewerOf(cookie))?.anonymous).toBe(false);

    const disabled = await call<{ account: AccountView }>('PATCH', `/auth/accounts/${acc.id}`, { cookie: adminCookie, json: { expectedVersion: roles.body.account.version, active: false } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.account.active).toBe(false);
    expect((await viewerOf(cookie))?.anonymous).toBe(true);
    const again = await call('POST', '/auth/login', { json: { username: 'tam.nv', password: 'Tam-noi-vu-2025' } });
    expect(again.status).toBe(403);
    expect(codes(again)).toEqual(['AUTH_DISABLED']);
    expect(again.body.errors?.[0]?.message).toBe('Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.');
    // Without the right password a disabled account looks like any wrong sign-in.
    expect(codes(await call('POST', '/auth/login', { json: { username: 'tam.nv', password: 'doan-bua-mat-khau' } }))).toEqual(['AUTH_INVALID_CREDENTIALS']);

    const list = await call<{ accounts: AccountView[] }>('GET', '/auth/accounts?active=false', { cookie: adminCookie });
    expect(list.body.accounts.map((a) => a.username)).toEqual(['tam.nv']);
    const search = await call<{ accounts: AccountView[] }>(`GET`, `/auth/accounts?search=${encodeURIComponent('pham minh')}`, { cookie: adminCookie });
    expect(search.body.accounts.map((a) => a.username)).toEqual(['tam.nv']);
    const byRole = await call<{ accounts: AccountView[] }>('GET', '/auth/accounts?role=ADMIN', { cookie: adminCookie });
    expect(byRole.body.accounts.map((a) => a.username)).toEqual(['admin']);
  });

  it('ends a session after SESSION_IDLE_MINUTES without requests, and SESSION_MAX_HOURS after sign-in whatever the activity', async () => {
    const idle = await login('khoa.thu', 'Khoa-dung-2025');
    clock.advanceMinutes(100);
    expect((await call<SessionView>('GET', '/auth/session', { cookie: idle })).body.authenticated).toBe(true);
    clock.advanceMinutes(100);
    expect((await call<SessionView>('GET', '/auth/session', { cookie: idle })).body.authenticated).toBe(true);
    clock.advanceMinutes(121);
    const expired = await call<SessionView>('GET', '/auth/session', { cookie: idle });
    expect(expired.body.authenticated).toBe(false);
    expect(clearsCookie(expired)).toBe(true);

    const busy = await login('khoa.thu', 'Khoa-dung-2025');
    let alive = 0;
    for (let i = 0; i < 8; i++) {
      clock.advanceMinutes(100);
      if ((await call<SessionView>('GET', '/auth/session', { cookie: busy })).body.authenticated) alive++;
    }
    expect(alive).toBe(7); // 700 minutes in; the eighth request, 800 minutes after sign-in, is past 12 hours

    const lingering = await login('khoa.thu', 'Khoa-dung-2025');
    adminCookie = await login('admin', TEST_ADMIN_PASSWORD);
    clock.advanceMinutes(130);
    adminCookie = await login('admin', TEST_ADMIN_PASSWORD);
    expect(await gw.sessions.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect((await call<SessionView>('GET', '/auth/session', { cookie: lingering })).body.authenticated).toBe(false);
    expect((await call<SessionView>('GET', '/auth/session', { cookie: adminCookie })).body.authenticated).toBe(true);
  });

  it('changes a password: checks the current one and the policy, clears mustChangePassword and ends the other sessions', async () => {
    const acc = await createAccount({ username: 'hong.nt', displayName: 'Ngô Thị Hồng', roles: ['PROVINCE'], orgUnitId: units.b, password: 'Hong-tinh-2025' });
    const here = await login('hong.nt', 'Hong-tinh-2025');
    const elsewhere = await login('hong.nt', 'Hong-tinh-2025');
    expect((await call<SessionView>('GET', '/auth/session', { cookie: here })).body.account?.mustChangePassword).toBe(true);

    const wrong = await call('POST', '/auth/password', { cookie: here, json: { currentPassword: 'khong-dung-2025', newPassword: 'Hong-moi-2025!' } });
    expect(wrong.status).toBe(400);
    expect(codes(wrong)).toEqual(['PASSWORD_CURRENT_WRONG']);
    expect(fields(wrong)).toEqual(['currentPassword']);
    const short = await call('POST', '/auth/password', { cookie: here, json: { currentPassword: 'Hong-tinh-2025', newPassword: 'ngan' } });
    expect(codes(short)).toEqual(['PASSWORD_POLICY']);
    expect(fields(short)).toEqual(['newPassword']);
    expect(short.body.errors?.[0]?.message).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    const missing = await call('POST', '/auth/password', { cookie: here, json: { currentPassword: 'Hong-tinh-2025' } });
    expect(codes(missing)).toEqual(['VALIDATION_FAILED']);
    expect(fields(missing)).toEqual(['newPassword']);
    expect(missing.body.errors?.[0]?.message).toBe('Nhập mật khẩu mới.');

    secrets.push('Hồng-mới-2025!');
    const changed = await call<SessionView>('POST', '/auth/password', { cookie: here, json: { currentPassword: 'Hong-tinh-2025', newPassword: 'Hồng-mới-2025!' } });
    expect(changed.status).toBe(200);
    expect(changed.body.account?.mustChangePassword).toBe(false);
    expect((await call<SessionView>('GET', '/auth/session', { cookie: here })).body.authenticated).toBe(true);
    expect((await call<SessionView>('GET', '/auth/session', { cookie: elsewhere })).body.authenticated).toBe(false);
    expect((await call('POST', '/auth/login', { json: { username: 'hong.nt', password: 'Hong-tinh-2025' } })).status).toBe(401);
    // The same password typed in NFD (macOS) signs in too.
    await login('hong.nt', 'Hồng-mới-2025!'.normalize('NFD'));

    const bearer = await call('POST', '/auth/password', { token: await stack.token('PROVINCE'), json: { currentPassword: 'x', newPassword: 'y' } });
    expect(codes(bearer)).toEqual(['AUTH_LOCAL_ACCOUNT_REQUIRED']);
    expect(codes(await call('POST', '/auth/password', { json: { currentPassword: 'x', newPassword: 'y' } }))).toEqual(['UNAUTHENTICATED']);

    // The ADMIN's reset: a locked account opens again, must change the password, and its sessions end.
    for (let i = 0; i < 5; i++) await call('POST', '/auth/login', { json: { username: 'hong.nt', password: `sai-${i}-mat-khau` } });
    expect(codes(await call('POST', '/auth/login', { json: { username: 'hong.nt', password: 'Hồng-mới-2025!' } }))).toEqual(['AUTH_LOCKED']);
    secrets.push('Dat-lai-hong-2025');
    const reset = await call<{ account: AccountView }>('POST', `/auth/accounts/${acc.id}/password`, { cookie: adminCookie, json: { password: 'Dat-lai-hong-2025' } });
    expect(reset.status).toBe(200);
    expect(reset.body.account).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect((await call<SessionView>('GET', '/auth/session', { cookie: here })).body.authenticated).toBe(false);
    const relogin = await call<SessionView>('POST', '/auth/login', { json: { username: 'hong.nt', password: 'Dat-lai-hong-2025' } });
    expect(relogin.body.account?.mustChangePassword).toBe(true);
  });

  it('refuses bad input with the field and a Vietnamese message, and writes nothing', async () => {
    const before = await gw.db.manager.count(Account);
    const auditBefore = await gw.db.manager.count(AuditEntry);
    const bad = await call('POST', '/auth/accounts', { cookie: adminCookie, json: { username: 'Ab', displayName: '  ', roles: ['KING'], password: 'Mat-khau-dai-2025' } });
    expect(bad.status).toBe(400);
    expect(codes(bad).every((c) => c === 'VALIDATION_FAILED')).toBe(true);
    expect(fields(bad).sort()).toEqual(['displayName', 'roles', 'username']);
    for (const e of bad.body.errors ?? []) expect(e.message).toMatch(VIETNAMESE);
    expect(bad.body.errors?.find((e) => e.extensions.field === 'username')?.message).toBe(
      'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
    );

    const weak = await call('POST', '/auth/accounts', { cookie: adminCookie, json: { username: 'thu.ky.hoi-dong', displayName: 'Thư ký', roles: ['COUNCIL'], password: 'THU.KY.HOI-DONG' } });
    expect(codes(weak)).toEqual(['PASSWORD_POLICY']);
    expect(fields(weak)).toEqual(['password']);
    expect(weak.body.errors?.[0]?.message).toBe('Mật khẩu không được trùng với tên đăng nhập.');
    const noUnit = await call('POST', '/auth/accounts', { cookie: adminCookie, json: { username: 'can-bo.x', displayName: 'Cán bộ X', roles: ['UNIT_OFFICER'], password: 'Can-bo-x-2025' } });
    expect(codes(noUnit)).toEqual(['ACCOUNT_UNIT_REQUIRED']);
    expect(fields(noUnit)).toEqual(['orgUnitId']);
    const duplicate = await call('POST', '/auth/accounts', { cookie: adminCookie, json: { username: 'ADMIN', displayName: 'Trùng tên', roles: ['COUNCIL'], password: 'Trung-ten-2025' } });
    expect(duplicate.status).toBe(409);
    expect(codes(duplicate)).toEqual(['ACCOUNT_DUPLICATE']);
    expect(fields(duplicate)).toEqual(['username']);
    expect(duplicate.body.errors?.[0]?.message).toBe('Tên đăng nhập đã được sử dụng.');
    const badEmail = await call('PATCH', `/auth/accounts/${adminId}`, { cookie: adminCookie, json: { expectedVersion: 1, email: 'khong-phai-email' } });
    expect(fields(badEmail)).toEqual(['email']);
    const noBody = await call('POST', '/auth/login', { json: {} });
    expect(fields(noBody).sort()).toEqual(['password', 'username']);

    // Not JSON, or JSON from another site: refused as CSRF before anything is read.
    const form = await call('POST', '/auth/login', { body: 'username=admin&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(403);
    expect(codes(form)).toEqual(['CSRF_REJECTED']);
    const foreign = await call('POST', '/auth/logout', { cookie: adminCookie, json: {}, headers: { origin: 'https://evil.example' } });
    expect(codes(foreign)).toEqual(['CSRF_REJECTED']);
    expect((await call<SessionView>('GET', '/auth/session', { cookie: adminCookie })).body.authenticated).toBe(true);

    const officer = await login('can-bo.tan-an', 'Lan@TanAn2025');
    const forbidden = await call('GET', '/auth/accounts', { cookie: officer });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors?.[0]).toMatchObject({ message: 'Bạn không có quyền thực hiện thao tác này.', extensions: { code: 'FORBIDDEN' } });
    const anonymous = await call('POST', '/auth/accounts', { json: { username: 'x' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]).toMatchObject({ message: 'Bạn cần đăng nhập để thực hiện thao tác này.', extensions: { code: 'UNAUTHENTICATED' } });

    expect(await gw.db.manager.count(Account)).toBe(before);
    // Only sign-ins were recorded meanwhile, no account change.
    const newRows = (await gw.db.manager.find(AuditEntry, { order: { at: 'ASC' } })).slice(auditBefore);
    expect(newRows.map((r) => r.action).filter((a) => a !== 'login' && a !== 'login_failed')).toEqual([]);
  });

  it('keeps the last active ADMIN: they cannot disable or demote themself', async () => {
    const me = await call<{ accounts: AccountView[] }>('GET', '/auth/accounts?search=admin', { cookie: adminCookie });
    const admin = me.body.accounts.find((a) => a.username === 'admin') as AccountView;
    const disable = await call('PATCH', `/auth/accounts/${admin.id}`, { cookie: adminCookie, json: { expectedVersion: admin.version, active: false } });
    expect(disable.status).toBe(409);
    expect(codes(disable)).toEqual(['ACCOUNT_LAST_ADMIN']);
    expect(disable.body.errors?.[0]?.message).toMatch(VIETNAMESE);
    const demote = await call('PATCH', `/auth/accounts/${admin.id}`, { cookie: adminCookie, json: { expectedVersion: admin.version, roles: ['COUNCIL'] } });
    expect(codes(demote)).toEqual(['ACCOUNT_LAST_ADMIN']);
    expect((await call<SessionView>('GET', '/auth/session', { cookie: adminCookie })).body.account?.roles).toEqual(['ADMIN']);

    const second = await createAccount({ username: 'admin2', displayName: 'Quản trị dự phòng', roles: ['ADMIN'], password: 'Quan-tri-2-2025' });
    const renamed = await call<{ account: AccountView }>('PATCH', `/auth/accounts/${admin.id}`, { cookie: adminCookie, json: { expectedVersion: admin.version, displayName: 'Quản trị chính' } });
    expect(renamed.body.account.displayName).toBe('Quản trị chính');
    const off = await call<{ account: AccountView }>('PATCH', `/auth/accounts/${second.id}`, { cookie: adminCookie, json: { expectedVersion: second.version, active: false } });
    expect(off.body.account.active).toBe(false);
  });

  it("lists the active council members' accounts to Nội vụ (id and name only), as the ids their sessions vote with", async () => {
    const chair = await createAccount({ username: 'hd.chu-tich', displayName: 'Phạm Văn Hùng', roles: ['COUNCIL'], password: 'Hung@HoiDong2025' });
    const member = await createAccount({ username: 'hd.uy-vien', displayName: 'Đặng Thị Ánh', roles: ['COUNCIL', 'LEAD_AGENCY'], orgUnitId: units.a, password: 'Anh@HoiDong2025' });
    const former = await createAccount({ username: 'hd.nguyen', displayName: 'Bùi Văn Cường', roles: ['COUNCIL'], password: 'Cuong@HoiDong2025' });
    await call('PATCH', `/auth/accounts/${former.id}`, { cookie: adminCookie, json: { expectedVersion: former.version, active: false } });
    const homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu' });
    const r = await call<{ accounts: Array<Record<string, unknown>> }>('GET', '/auth/accounts/council-members', { token: homeAffairs });
    expect(r.status).toBe(200);
    // Vietnamese order of names; no username, role, e-mail or lock state; the disabled account is not offered.
    expect(r.body.accounts).toEqual([
      { id: member.id, displayName: 'Đặng Thị Ánh' },
      { id: chair.id, displayName: 'Phạm Văn Hùng' },
    ]);
    // The id is the subject the member's own session carries into the graph.
    expect((await viewerOf(await login('hd.chu-tich', 'Hung@HoiDong2025')))?.userId).toBe(chair.id);
    // Nobody else reads it: a unit officer is refused, an anonymous caller must sign in.
    const refused = await call('GET', '/auth/accounts/council-members', { token: await stack.token('UNIT_OFFICER', units.a) });
    expect(refused.status).toBe(403);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect((await call('GET', '/auth/accounts/council-members')).status).toBe(401);
  });

  it('still accepts a bearer token everywhere, exempt from the cookie CSRF rule', async () => {
    const token = await stack.token('LEAD_AGENCY', undefined, { subject: 'le-van-a' });
    const s = await call<SessionView>('GET', '/auth/session', { token });
    expect(s.body).toEqual({ mode: 'local', authenticated: true, account: { id: 'le-van-a', username: null, displayName: 'le-van-a', roles: ['LEAD_AGENCY'], orgUnitId: null, mustChangePassword: false } });
    const r = await gql<{ viewer: { userId: string } }>(stack.url, '{ viewer { userId } }', {}, token);
    expect(r.data?.viewer.userId).toBe('le-van-a');
    const adminToken = await stack.token('ADMIN');
    const list = await call<{ accounts: AccountView[] }>('GET', '/auth/accounts', { token: adminToken });
    expect(list.status).toBe(200);
    expect(list.body.accounts.length).toBeGreaterThan(3);
    const bad = await call('GET', '/auth/session', { headers: { authorization: 'Bearer gia-mao' } });
    expect(bad.status).toBe(401);
    expect(codes(bad)).toEqual(['TOKEN_INVALID']);
  });

  it('shows /queues to a signed-in ADMIN through the worker, sends others to sign in or refuses them', async () => {
    const anonymous = await call('GET', '/queues');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/dang-nhap?returnTo=/queues');
    const officer = await login('can-bo.tan-an', 'Lan@TanAn2025');
    const refused = await call('GET', '/queues', { cookie: officer });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/text\/html/);
    expect(refused.text).toMatch(/Chỉ quản trị viên được xem bảng điều khiển hàng đợi/);
    expect(refused.text).not.toMatch(/ADMIN/);

    const down = await call('GET', '/queues', { cookie: adminCookie });
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/text\/html/);
    expect(down.text).toMatch(/tiến trình xử lý báo cáo nền/);
    expect(down.text).toMatch(/Redis/);
    expect(down.text).not.toMatch(/report-worker/);

    // A stand-in for the report worker that authorises like it does: an ADMIN bearer token, checked again.
    const verify = createTokenVerifier(loadPlatformConfig('report-worker', 0, stack.env).auth);
    worker = http.createServer((req, res) => {
      verify(req.headers.authorization).then(
        (viewer) => {
          res.writeHead(hasRole(viewer, 'ADMIN') ? 200 : 403, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ path: req.url, method: req.method, userId: viewer.userId }));
        },
        () => {
          res.writeHead(401);
          res.end();
        },
      );
    });
    await new Promise<void>((r) => worker?.listen(workerPort, '127.0.0.1', () => r()));
    const shown = await call<{ path: string; userId: string }>('GET', '/queues/api/queues?activeQueue=reports', { cookie: adminCookie });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ path: '/queues/api/queues?activeQueue=reports', userId: adminId });
    const action = await call('PUT', '/queues/api/queues/reports/retry/failed', { cookie: adminCookie, headers: { origin: 'https://evil.example' } });
    expect(codes(action)).toEqual(['CSRF_REJECTED']);
    const sameSite = await call<{ method: string }>('PUT', '/queues/api/queues/reports/retry/failed', { cookie: adminCookie, headers: { origin: stack.origin } });
    expect(sameSite.body.method).toBe('PUT');
  });

  it('never shows a password or its hash in a response, an audit row or a log line', async () => {
    const stored = await gw.db.manager.createQueryBuilder(Account, 'a').addSelect('a.passwordHash').getMany();
    const hashes = stored.map((a) => a.passwordHash);
    expect(hashes.every((h) => /^\$2[aby]\$12\$/.test(h))).toBe(true);
    const audit = JSON.stringify(await gw.db.manager.find(AuditEntry));
    const everything = [...responses, audit, ...logLines];
    expect(logLines.length).toBeGreaterThan(10);
    for (const text of everything) {
      expect(text).not.toMatch(/\$2[aby]\$\d\d\$/);
      for (const h of hashes) expect(text).not.toContain(h.slice(7));
      for (const s of secrets) expect(text).not.toContain(s);
    }
  });
});
