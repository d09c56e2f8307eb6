import { auditEntryResolvers, hasForbiddenCharacters, normalizeText, platformError, queryAuditLog, requireRole, runWithContext, type Database } from '@thidua/platform';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { SessionSettings } from '../config';
import type { Account } from './account.entity';
import { ACCOUNT_ROLES, USERNAME_PATTERN, normalizeUsername } from './account.rules';
import type { AccountService } from './account.service';
import { authError, authErrors, loggableError, parseInput, sendError } from './auth.errors';
import { sendPage } from './auth.pages';
import type { OidcService } from './oidc';
import type { Clock, SessionService } from './session.service';
import { appendCookie, clearSessionCookie, originMatches, sessionCookie, type RequestAuth, type ViewerResolver } from './viewer.middleware';

export interface AuthRouterDeps {
  db: Database;
  accounts: AccountService;
  sessions: SessionService;
  viewers: ViewerResolver;
  oidc?: OidcService;
  settings: SessionSettings;
  clock: Clock;
}

/** What GET /auth/session (and sign-in, sign-out, password change) answer. */
export interface SessionBody {
  mode: 'local' | 'oidc';
  authenticated: boolean;
  account: null | {
    id: string;
    username: string | null;
    displayName: string;
    roles: string[];
    orgUnitId: string | null;
    mustChangePassword: boolean;
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Each field carries its own Vietnamese message, so the web form can show it beside that field.
const displayName = z
  .string({ error: 'Nhập họ và tên hiển thị.' })
  .refine((s) => !hasForbiddenCharacters(s), { error: 'Họ và tên chứa ký tự điều khiển không hợp lệ.' })
  .transform(normalizeText)
  .pipe(z.string().min(1, { error: 'Nhập họ và tên hiển thị.' }).max(255, { error: 'Họ và tên quá dài (tối đa 255 ký tự).' }));
const roleList = `Vai trò phải là danh sách lấy từ: ${ACCOUNT_ROLES.join(', ')}.`;
const roles = z
  .array(z.enum(ACCOUNT_ROLES, { error: roleList }), { error: roleList })
  .min(1, { error: 'Chọn ít nhất một vai trò.' })
  .transform((r) => [...new Set(r)]);
const orgUnitId = z
  .string({ error: 'Mã đơn vị không hợp lệ.' })
  .trim()
  .regex(/^[0-9A-Za-z-]{1,36}$/, { error: 'Mã đơn vị không hợp lệ.' })
  .nullish()
  .transform((v) => v ?? null);
const email = z
  .email({ error: 'Địa chỉ thư điện tử không hợp lệ.' })
  .max(255, { error: 'Địa chỉ thư điện tử quá dài.' })
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v ?? null);
const password = (message: string) => z.string({ error: message }).min(1, { error: message }).max(1000, { error: 'Mật khẩu quá dài.' });

const loginInput = z.object({
  username: z.string({ error: 'Nhập tên đăng nhập.' }).min(1, { error: 'Nhập tên đăng nhập.' }).max(200, { error: 'Tên đăng nhập quá dài.' }),
  password: password('Nhập mật khẩu.'),
});
const passwordChangeInput = z.object({
  currentPassword: password('Nhập mật khẩu hiện tại.'),
  newPassword: password('Nhập mật khẩu mới.'),
});
const accountInput = z.object({
  username: z
    .string({ error: 'Nhập tên đăng nhập.' })
    .transform(normalizeUsername)
    .pipe(z.string().regex(USERNAME_PATTERN, { error: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.' })),
  displayName,
  roles,
  orgUnitId: orgUnitId.optional(),
  email: email.optional(),
  password: password('Nhập mật khẩu.'),
});
const accountPatch = z.object({
  expectedVersion: z.number({ error: 'Thiếu phiên bản dữ liệu (expectedVersion) đã đọc.' }).int({ error: 'Phiên bản dữ liệu không hợp lệ.' }),
  displayName: displayName.optional(),
  roles: roles.optional(),
  orgUnitId: orgUnitId.optional(),
  email: email.optional(),
  active: z.boolean({ error: 'Trạng thái hoạt động phải là true hoặc false.' }).optional(),
});
/** GET /auth/audit's filters, as the services' <service>AuditLog takes them. */
const auditQuery = z.object({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(191).optional(),
  first: z.coerce.number().int().min(1).max(500).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  search: z.string().max(200).optional(),
});

const accountQuery = z.object({
  search: z.string({ error: 'Từ khóa tìm kiếm không hợp lệ.' }).max(100, { error: 'Từ khóa tìm kiếm quá dài.' }).optional(),
  role: z.enum(ACCOUNT_ROLES, { error: `Vai trò phải là một trong: ${ACCOUNT_ROLES.join(', ')}.` }).optional(),
  active: z.enum(['true', 'false'], { error: 'Trạng thái phải là true hoặc false.' }).optional(),
});
const resetInput = z.object({ password: password('Nhập mật khẩu mới.') });

function isJson(req: Request): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * /auth: sign-in with local accounts or the OIDC issuer, sign-out, own password, and the ADMIN's accounts.
 * State-changing requests from a browser must be JSON from this site's pages (CSRF rule); bearer clients are exempt.
 */
export function createAuthRouter(deps: AuthRouterDeps): Router {
  const { accounts, sessions, viewers, oidc, clock } = deps;
  const mode: SessionBody['mode'] = oidc ? 'oidc' : 'local';
  const cookieOpts = { secure: deps.settings.cookieSecure };
  const router = express.Router();
  const anonymousBody: SessionBody = { mode, authenticated: false, account: null };

  router.use((req: Request, res: Response, next: NextFunction) => {
    // Answers about who is signed in must never be served from a cache to someone else.
    res.setHeader('Cache-Control', 'no-store');
    // A cross-site form can post text/plain or urlencoded without a preflight; it cannot post JSON.
    if (SAFE_METHODS.has(req.method) || req.headers.authorization) return next();
    if (!isJson(req) || !originMatches(req)) return sendError(req, res, authError('CSRF_REJECTED'));
    next();
  });
  router.use(express.json({ limit: '16kb' }));
  router.use(viewers.middleware());

  const handle =
    (fn: (req: Request, res: Response, auth: RequestAuth) => Promise<void>) =>
    (req: Request, res: Response): void => {
      const auth = req.auth as RequestAuth;
      runWithContext({ requestId: req.requestId, logger: req.log, viewer: auth.viewer }, () => fn(req, res, auth)).catch((err: unknown) => sendError(req, res, err));
    };

  const bodyForAccount = (a: Pick<Account, 'id' | 'username' | 'displayName' | 'roles' | 'orgUnitId' | 'mustChangePassword'>): SessionBody => ({
    mode,
    authenticated: true,
    account: { id: a.id, username: a.username, displayName: a.displayName, roles: [...a.roles], orgUnitId: a.orgUnitId, mustChangePassword: a.mustChangePassword },
  });

  const sessionBody = async (auth: RequestAuth): Promise<SessionBody> => {
    const v = auth.viewer;
    if (auth.source === 'bearer') {
      return {
        mode,
        authenticated: true,
        account: { id: v.userId ?? '', username: null, displayName: auth.tokenName ?? v.userId ?? '', roles: [...v.roles], orgUnitId: v.orgUnitId, mustChangePassword: false },
      };
    }
    const s = auth.session;
    if (auth.source !== 'session' || !s) return anonymousBody;
    if (s.accountId) {
      const a = await accounts.byId(s.accountId);
      return a && a.active ? bodyForAccount(a) : anonymousBody;
    }
    return { mode, authenticated: true, account: { id: s.subject, username: null, displayName: s.displayName, roles: [...s.roles], orgUnitId: s.orgUnitId, mustChangePassword: false } };
  };

  router.get(
    '/session',
    handle(async (_req, res, auth) => {
      res.json(await sessionBody(auth));
    }),
  );

  router.post(
    '/login',
    handle(async (req, res, auth) => {
      const input = parseInput(loginInput, req.body);
      const account = await accounts.verifyLogin(input.username, input.password, { adminOnly: mode === 'oidc' });
      // A new sign-in never continues this browser's previous session id.
      if (auth.session) await sessions.end(auth.session.id);
      const { token, session } = await deps.db.transaction(async (m) => {
        const created = await sessions.create(
          { accountId: account.id, subject: account.id, displayName: account.displayName, roles: account.roles, orgUnitId: account.orgUnitId },
          m,
        );
        await accounts.recordLogin(m, account);
        return created;
      });
      appendCookie(res, sessionCookie(token, session.expiresAt, clock(), cookieOpts));
      res.json(bodyForAccount(account));
    }),
  );

  router.post(
    '/logout',
    handle(async (_req, res, auth) => {
      if (auth.session) await sessions.end(auth.session.id);
      appendCookie(res, clearSessionCookie(cookieOpts));
      res.json(anonymousBody);
    }),
  );

  router.post(
    '/password',
    handle(async (req, res, auth) => {
      if (auth.source === 'anonymous') throw platformError('UNAUTHENTICATED');
      if (auth.source !== 'session' || !auth.session?.accountId) throw authError('AUTH_LOCAL_ACCOUNT_REQUIRED');
      const input = parseInput(passwordChangeInput, req.body);
      const a = await accounts.changeOwnPassword(auth.session.accountId, auth.session.id, input.currentPassword, input.newPassword);
      res.json(bodyForAccount(a));
    }),
  );

  const accountId = (req: Request): string => {
    const id = String(req.params.id);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw authError('ACCOUNT_NOT_FOUND');
    return id;
  };

  router.get(
    '/accounts',
    handle(async (req, res, auth) => {
      requireRole(auth.viewer, 'ADMIN');
      const q = parseInput(accountQuery, req.query);
      const list = await accounts.list({ search: q.search?.trim() || undefined, role: q.role, active: q.active === undefined ? undefined : q.active === 'true' });
      res.json({ accounts: list });
    }),
  );

  // The gateway's own audit (accounts created and changed, passwords, sign-ins), for the administrator's audit log beside
  // the services' <service>AuditLog, with the same filters (ADMIN only, checked by queryAuditLog).
  router.get(
    '/audit',
    handle(async (req, res, auth) => {
      const q = parseInput(auditQuery, req.query);
      const rows = await queryAuditLog(deps.db, auth.viewer, q);
      res.json({
        entries: rows.map((e) => ({
          id: e.id,
          at: new Date(e.at).toISOString(),
          actorId: e.actorId,
          actorRoles: auditEntryResolvers.actorRoles(e),
          entityType: e.entityType,
          entityId: e.entityId,
          action: e.action,
          before: auditEntryResolvers.before(e),
          after: auditEntryResolvers.after(e),
        })),
      });
    }),
  );

  // Nội vụ, the council's secretariat, chooses a session's members among the accounts that hold COUNCIL: only who they
  // are (the id the member's session carries as viewer subject, and the name), nothing else of the account.
  router.get(
    '/accounts/council-members',
    handle(async (_req, res, auth) => {
      requireRole(auth.viewer, 'HOME_AFFAIRS');
      const list = await accounts.list({ role: 'COUNCIL', active: true });
      res.json({ accounts: list.map((a) => ({ id: a.id, displayName: a.displayName })) });
    }),
  );

  router.post(
    '/accounts',
    handle(async (req, res, auth) => {
      requireRole(auth.viewer, 'ADMIN');
      const input = parseInput(accountInput, req.body);
      res.status(201).json({ account: await accounts.create(input) });
    }),
  );

  router.patch(
    '/accounts/:id',
    handle(async (req, res, auth) => {
      requireRole(auth.viewer, 'ADMIN');
      const id = accountId(req);
      const patch = parseInput(accountPatch, req.body);
      res.json({ account: await accounts.update(id, patch) });
    }),
  );

  router.post(
    '/accounts/:id/password',
    handle(async (req, res, auth) => {
      requireRole(auth.viewer, 'ADMIN');
      const id = accountId(req);
      const input = parseInput(resetInput, req.body);
      res.json({ account: await accounts.resetPassword(id, input.password) });
    }),
  );

  router.get('/oidc/login', async (req: Request, res: Response) => {
    if (!oidc) return sendPage(res, 404, 'Không đăng nhập được', authErrors.OIDC_NOT_CONFIGURED, { href: '/dang-nhap', text: 'Quay lại trang đăng nhập' });
    try {
      await oidc.start(req, res);
    } catch (err) {
      req.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'oidc issuer unreachable');
      sendPage(res, 502, 'Không đăng nhập được', 'Không kết nối được cổng xác thực tập trung. Vui lòng thử lại sau.', { href: '/dang-nhap', text: 'Quay lại trang đăng nhập' });
    }
  });

  router.get('/oidc/callback', async (req: Request, res: Response) => {
    if (!oidc) return sendPage(res, 404, 'Không đăng nhập được', authErrors.OIDC_NOT_CONFIGURED, { href: '/dang-nhap', text: 'Quay lại trang đăng nhập' });
    try {
      const outcome = await oidc.finish(req, res);
      if (!outcome.ok) {
        req.log.info({ code: outcome.code }, 'oidc sign-in refused');
        return sendPage(res, outcome.status, 'Không đăng nhập được', outcome.message, { href: '/dang-nhap', text: 'Quay lại trang đăng nhập' });
      }
      if (req.auth?.session) await sessions.end(req.auth.session.id);
      const { token, session } = await sessions.create(outcome.session);
      req.log.info({ subject: session.subject, roles: session.roles }, 'oidc sign-in');
      appendCookie(res, sessionCookie(token, session.expiresAt, clock(), cookieOpts));
      res.redirect(303, outcome.returnTo);
    } catch (err) {
      req.log.error({ err: loggableError(err) }, 'oidc callback failed');
      sendPage(res, 500, 'Không đăng nhập được', 'Lỗi hệ thống khi đăng nhập. Vui lòng thử lại sau.', { href: '/dang-nhap', text: 'Quay lại trang đăng nhập' });
    }
  });

  // Bodies that are not JSON, too large, or malformed get the same error shape as everything else here.
  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number };
    if (e?.type === 'entity.too.large') return sendError(req, res, platformError('PAYLOAD_TOO_LARGE'));
    if (e?.type === 'entity.parse.failed' || e?.status === 400) return sendError(req, res, platformError('BAD_REQUEST'));
    sendError(req, res, err);
  });

  return router;
}

