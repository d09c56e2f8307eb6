import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@thidua/platform';
import type { Logger } from 'pino';
import { LessThan, type EntityManager } from 'typeorm';
import type { SessionSettings } from '../config';
import { sessionAlive, sessionExpiresAt, shouldTouch, type AccountRole } from './account.rules';
import { Session } from './session.entity';

/** Now, as the sign-in rules see it; tests pass a clock they can move. */
export type Clock = () => Date;

/**
 * How long a replica trusts a session it read without reading it again. Ending a session on this replica evicts it
 * at once; other replicas notice within this time.
 */
export const SESSION_CACHE_MS = 5_000;

/** A session's OIDC tokens after a refresh (and the claims of the new access token, when it carries them). */
export interface RefreshedTokens {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  tokenExpiresAt: Date | null;
  claims?: { roles: AccountRole[]; orgUnitId: string | null } | null;
}

/** Refresh an OIDC session's tokens; null when the issuer refuses (the session then ends). */
export type TokenRefresher = (session: Session) => Promise<RefreshedTokens | null>;

export interface NewSession {
  accountId: string | null;
  subject: string;
  displayName: string;
  roles: AccountRole[];
  orgUnitId: string | null;
  accessToken?: string | null;
  refreshToken?: string | null;
  idToken?: string | null;
  tokenExpiresAt?: Date | null;
}

/** The stored id of a cookie token: its sha256, so the table alone cannot be replayed as cookies. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** An OIDC access token is refreshed this long before it expires, so a forwarded token does not die in flight. */
const REFRESH_MARGIN_MS = 30_000;

/** Sessions: created at sign-in, resolved from the cookie on each request, ended at sign-out or by an account change. */
export class SessionService {
  private readonly cache = new Map<string, { session: Session; until: number }>();
  private readonly refreshing = new Map<string, Promise<Session | null>>();
  private refresher?: TokenRefresher;
  /** Listeners told when a session ends on this replica (e.g. to drop its minted token). */
  private readonly endListeners: Array<(id: string) => void> = [];

  constructor(
    private readonly db: Database,
    private readonly settings: SessionSettings,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  useRefresher(refresher: TokenRefresher): void {
    this.refresher = refresher;
  }

  onEnd(listener: (id: string) => void): void {
    this.endListeners.push(listener);
  }

  /** Start a session; returns the cookie token (shown to the browser once, never stored). */
  async create(fields: NewSession, manager: EntityManager = this.db.manager): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const session = manager.create(Session, {
      id: sessionIdOf(token),
      accountId: fields.accountId,
      subject: fields.subject,
      displayName: fields.displayName,
      roles: fields.roles,
      orgUnitId: fields.orgUnitId,
      accessToken: fields.accessToken ?? null,
      refreshToken: fields.refreshToken ?? null,
      idToken: fields.idToken ?? null,
      tokenExpiresAt: fields.tokenExpiresAt ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiresAt(now, this.settings.maxHours),
    });
    await manager.insert(Session, session);
    return { token, session };
  }

  /**
   * The live session of a cookie token, or null (unknown, ended, idle too long, past its absolute end, or an OIDC
   * session whose tokens could not be refreshed). Touches lastSeenAt at most once a minute.
   */
  async resolve(token: string): Promise<Session | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const id = sessionIdOf(token);
    const now = this.clock();
    const cached = this.cache.get(id);
    const fresh = !!cached && cached.until > now.getTime();
    let session = fresh && cached ? cached.session : await this.db.manager.findOne(Session, { where: { id } });
    const until = fresh && cached ? cached.until : now.getTime() + SESSION_CACHE_MS;
    if (!session) {
      this.evict(id);
      return null;
    }
    if (!sessionAlive(session, now, this.settings.idleMinutes)) {
      await this.end(id);
      return null;
    }
    if (session.accountId === null && session.tokenExpiresAt && session.tokenExpiresAt.getTime() - REFRESH_MARGIN_MS <= now.getTime()) {
      session = await this.refreshOnce(session);
      if (!session) return null;
    }
    if (shouldTouch(session.lastSeenAt, now)) {
      await this.db.manager.update(Session, { id }, { lastSeenAt: now });
      session = { ...session, lastSeenAt: now };
    }
    this.cache.set(id, { session, until });
    return session;
  }

  /** One refresh per session at a time on this replica; concurrent requests wait for it. */
  private refreshOnce(session: Session): Promise<Session | null> {
    const running = this.refreshing.get(session.id);
    if (running) return running;
    const p = this.refresh(session).finally(() => this.refreshing.delete(session.id));
    this.refreshing.set(session.id, p);
    return p;
  }

  private async refresh(session: Session): Promise<Session | null> {
    let tokens: RefreshedTokens | null = null;
    try {
      tokens = this.refresher ? await this.refresher(session) : null;
    } catch (err) {
      this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'oidc refresh failed');
    }
    if (!tokens) {
      // Another replica may have refreshed first with a rotating refresh token: use what it stored.
      const stored = await this.db.manager.findOne(Session, { where: { id: session.id } });
      if (stored && stored.refreshToken !== session.refreshToken && stored.tokenExpiresAt && stored.tokenExpiresAt.getTime() > this.clock().getTime()) {
        return stored;
      }
      await this.end(session.id);
      return null;
    }
    if (tokens.claims === null) {
      // The refreshed token no longer carries a known role: the person lost their access at the issuer.
      await this.end(session.id);
      return null;
    }
    const patch: Partial<Session> = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? session.refreshToken,
      idToken: tokens.idToken ?? session.idToken,
      tokenExpiresAt: tokens.tokenExpiresAt,
      ...(tokens.claims ? { roles: tokens.claims.roles, orgUnitId: tokens.claims.orgUnitId } : {}),
    };
    await this.db.manager.update(Session, { id: session.id }, patch);
    return { ...session, ...patch };
  }

  /** End one session (sign-out, expiry). */
  async end(id: string): Promise<void> {
    await this.db.manager.delete(Session, { id });
    this.evict(id);
  }

  /**
   * End every session of an account inside the caller's transaction (disable, role or unit change, password
   * reset); call `evictAccount` once it commits.
   */
  async endForAccount(manager: EntityManager, accountId: string, exceptId?: string): Promise<void> {
    const qb = manager.createQueryBuilder().delete().from(Session).where('account_id = :accountId', { accountId });
    if (exceptId) qb.andWhere('id <> :exceptId', { exceptId });
    await qb.execute();
  }

  /** Forget this replica's cached copies of an account's sessions (after they were deleted). */
  evictAccount(accountId: string, exceptId?: string): void {
    for (const [id, entry] of this.cache) {
      if (entry.session.accountId === accountId && id !== exceptId) this.evict(id);
    }
  }

  private evict(id: string): void {
    this.cache.delete(id);
    for (const l of this.endListeners) l(id);
  }

  /** Delete sessions past their absolute end or idle too long, and drop stale cache entries. */
  async purgeExpired(): Promise<number> {
    const now = this.clock();
    const idleSince = new Date(now.getTime() - this.settings.idleMinutes * 60_000);
    const r1 = await this.db.manager.delete(Session, { expiresAt: LessThan(now) });
    const r2 = await this.db.manager.delete(Session, { lastSeenAt: LessThan(idleSince) });
    for (const [id, entry] of this.cache) if (entry.until <= now.getTime()) this.cache.delete(id);
    return (r1.affected ?? 0) + (r2.affected ?? 0);
  }
}
