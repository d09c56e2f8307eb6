import { randomInt, randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import {
  currentContext,
  isUniqueViolation,
  nameKey,
  platformError,
  recordAudit,
  runWithContext,
  updateVersioned,
  vietnameseSortKey,
  type Database,
  type Viewer,
} from '@thidua/platform';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { SessionSettings } from '../config';
import { Account } from './account.entity';
import {
  afterFailedPassword,
  BCRYPT_COST,
  isLocked,
  needsOrgUnit,
  normalizePassword,
  normalizeUsername,
  passwordProblem,
  removesLastAdmin,
  type AccountRole,
} from './account.rules';
import { authError, lockedError, passwordPolicyError } from './auth.errors';
import type { Clock, SessionService } from './session.service';

/** What anyone may see of an account: never the password hash. */
export interface PublicAccount {
  id: string;
  username: string;
  displayName: string;
  roles: AccountRole[];
  orgUnitId: string | null;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AccountInput {
  username: string;
  displayName: string;
  roles: AccountRole[];
  orgUnitId?: string | null;
  email?: string | null;
  password: string;
}

export interface AccountPatch {
  expectedVersion: number;
  displayName?: string;
  roles?: AccountRole[];
  orgUnitId?: string | null;
  email?: string | null;
  active?: boolean;
}

export interface AccountFilter {
  search?: string;
  role?: AccountRole;
  active?: boolean;
}

/**
 * A bcrypt hash (cost 12) of a random string nobody knows: a sign-in for an unknown username is compared against
 * it, so it takes as long as one for a real account and does not reveal which usernames exist.
 */
const DUMMY_HASH = '$2b$12$eCp44jMxP0QEiqIg/LU2uuPiZ5/OHJG8tKzRkIC2.TE5Jh1DDm0aO';

const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random first password: 18 characters from an alphabet without look-alikes (about 104 bits). */
export function randomPassword(length = 18): string {
  return Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
}

export function toPublic(a: Account): PublicAccount {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    roles: [...a.roles],
    orgUnitId: a.orgUnitId,
    email: a.email,
    active: a.active,
    mustChangePassword: a.mustChangePassword,
    lockedUntil: a.lockedUntil ? a.lockedUntil.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

/** The viewer an account acts as (its audit rows name it; the subgraphs see the same id as `sub`). */
export function viewerOfAccount(a: Pick<Account, 'id' | 'roles' | 'orgUnitId'>): Viewer {
  return { userId: a.id, roles: [...a.roles], orgUnitId: a.orgUnitId, anonymous: false };
}

/** Accent- and case-insensitive form for searching ("nguyen" finds "Nguyễn"). */
function searchKey(s: string): string {
  return nameKey(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
}

/** Local accounts: first start, sign-in with lockout, passwords, and the ADMIN's account management. */
export class AccountService {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
    private readonly settings: SessionSettings,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  private lockOpts(): { lock?: { mode: 'pessimistic_write' } } {
    return this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' } } : {};
  }

  /** Run fn with the account as the actor of the audit rows it writes (sign-in, own password). */
  private asActor<T>(a: Pick<Account, 'id' | 'roles' | 'orgUnitId'>, fn: () => Promise<T>): Promise<T> {
    const ctx = currentContext();
    return runWithContext({ requestId: ctx?.requestId ?? randomUUID(), logger: ctx?.logger ?? this.logger, viewer: viewerOfAccount(a) }, fn);
  }

  private withHash(manager: EntityManager = this.db.manager) {
    return manager.createQueryBuilder(Account, 'a').addSelect('a.passwordHash');
  }

  async byId(id: string): Promise<Account | null> {
    return this.db.manager.findOne(Account, { where: { id } });
  }

  /**
   * On an empty accounts table, create `admin` (ADMIN) with the given password, or a random one returned to be
   * shown once. Two replicas starting together race on the unique username: the loser creates nothing.
   */
  async ensureFirstAdmin(adminPassword?: string): Promise<{ created: boolean; generatedPassword?: string }> {
    if ((await this.db.manager.count(Account)) > 0) return { created: false };
    const generated = adminPassword === undefined ? randomPassword() : undefined;
    const password = adminPassword ?? (generated as string);
    const problem = passwordProblem(password, 'admin');
    if (problem) throw new Error(`ADMIN_PASSWORD: ${problem}`);
    const hash = await bcrypt.hash(normalizePassword(password), BCRYPT_COST);
    const now = this.clock();
    try {
      await this.db.transaction(async (m) => {
        const a = m.create(Account, {
          id: randomUUID(),
          username: 'admin',
          displayName: 'Quản trị hệ thống',
          roles: ['ADMIN'],
          orgUnitId: null,
          email: null,
          active: true,
          passwordHash: hash,
          mustChangePassword: generated !== undefined,
          failedAttempts: 0,
          lockedUntil: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        });
        await m.insert(Account, a);
        await recordAudit(m, { entityType: 'Account', entityId: a.id, action: 'create', after: toPublic(a) });
      });
    } catch (err) {
      if (isUniqueViolation(err)) return { created: false };
      throw err;
    }
    return { created: true, generatedPassword: generated };
  }

  /**
   * Check a username and password. Unknown usernames and wrong passwords get the same answer after the same work;
   * a locked account is refused until its lock ends; a disabled one only once the password is right.
   */
  async verifyLogin(rawUsername: string, password: string, opts: { adminOnly: boolean }): Promise<Account> {
    const username = normalizeUsername(rawUsername);
    const found = await this.withHash().where('a.username = :username', { username }).getOne();
    if (!found) {
      await bcrypt.compare(normalizePassword(password), DUMMY_HASH);
      throw authError('AUTH_INVALID_CREDENTIALS');
    }
    if (isLocked(found, this.clock()) && found.lockedUntil) throw lockedError(found.lockedUntil);
    if (!(await bcrypt.compare(normalizePassword(password), found.passwordHash))) {
      await this.recordFailure(found.id);
      throw authError('AUTH_INVALID_CREDENTIALS');
    }
    if (!found.active) throw authError('AUTH_DISABLED');
    if (opts.adminOnly && !found.roles.includes('ADMIN')) throw authError('AUTH_LOCAL_DISABLED');
    if (found.failedAttempts !== 0 || found.lockedUntil) {
      await this.db.transaction((m) =>
        this.asActor(found, async () => {
          await this.setLockState(m, found.id, 0, null);
          await recordAudit(m, { entityType: 'Account', entityId: found.id, action: 'unlock', before: { failedAttempts: found.failedAttempts }, after: { failedAttempts: 0 } });
        }),
      );
    }
    const { passwordHash: _hash, ...rest } = found;
    return Object.assign(new Account(), rest, { failedAttempts: 0, lockedUntil: null });
  }

  /** Sign-in counters change without a new version: a wrong password must not turn an ADMIN's open edit stale. */
  private async setLockState(m: EntityManager, id: string, failedAttempts: number, lockedUntil: Date | null): Promise<void> {
    await m
      .createQueryBuilder()
      .update(Account)
      .set({ failedAttempts, lockedUntil, version: () => 'version' })
      .where('id = :id', { id })
      .execute();
  }

  /** Count a wrong password (serialised per account); the fifth in a row locks it and is answered AUTH_LOCKED. */
  private async recordFailure(id: string): Promise<void> {
    const lockedUntil = await this.db.transaction(async (m) => {
      const a = await m.findOne(Account, { where: { id }, ...this.lockOpts() });
      if (!a) return null;
      const now = this.clock();
      if (isLocked(a, now)) return a.lockedUntil;
      const next = afterFailedPassword(a, now, this.settings.lockMinutes);
      return this.asActor(a, async () => {
        await this.setLockState(m, id, next.failedAttempts, next.lockedUntil);
        await recordAudit(m, {
          entityType: 'Account',
          entityId: id,
          action: next.locked ? 'lock' : 'login_failed',
          before: { failedAttempts: a.failedAttempts },
          after: { failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil?.toISOString() ?? null },
        });
        return next.lockedUntil;
      });
    });
    if (lockedUntil) throw lockedError(lockedUntil);
  }

  /** Record a successful sign-in in the audit log, in the transaction that creates its session. */
  async recordLogin(m: EntityManager, a: Account): Promise<void> {
    await this.asActor(a, () => recordAudit(m, { entityType: 'Account', entityId: a.id, action: 'login' }));
  }

  /** A signed-in account changes its own password; its other sessions end. */
  async changeOwnPassword(accountId: string, currentSessionId: string, current: string, next: string): Promise<Account> {
    const found = await this.withHash().where('a.id = :id', { id: accountId }).getOne();
    if (!found || !found.active) throw platformError('UNAUTHENTICATED');
    if (!(await bcrypt.compare(normalizePassword(current), found.passwordHash))) {
      await this.recordFailure(found.id);
      throw authError('PASSWORD_CURRENT_WRONG', { field: 'currentPassword' });
    }
    const problem = passwordProblem(next, found.username);
    if (problem) throw passwordPolicyError('newPassword', problem);
    if (await bcrypt.compare(normalizePassword(next), found.passwordHash)) throw authError('PASSWORD_UNCHANGED', { field: 'newPassword' });
    const hash = await bcrypt.hash(normalizePassword(next), BCRYPT_COST);
    const after = await this.db.transaction((m) =>
      this.asActor(found, async () => {
        await m
          .createQueryBuilder()
          .update(Account)
          .set({ passwordHash: hash, mustChangePassword: false, failedAttempts: 0, lockedUntil: null, updatedAt: this.clock() })
          .where('id = :id', { id: accountId })
          .execute();
        await this.sessions.endForAccount(m, accountId, currentSessionId);
        const a = await m.findOneOrFail(Account, { where: { id: accountId } });
        await recordAudit(m, { entityType: 'Account', entityId: accountId, action: 'password_change', before: { mustChangePassword: found.mustChangePassword }, after: { mustChangePassword: false } });
        return a;
      }),
    );
    this.sessions.evictAccount(accountId, currentSessionId);
    return after;
  }

  /** Every account matching the filter, in Vietnamese order of display name. */
  async list(filter: AccountFilter): Promise<PublicAccount[]> {
    const where: Record<string, unknown> = {};
    if (filter.active !== undefined) where.active = filter.active;
    let rows = await this.db.manager.find(Account, { where });
    if (filter.role) rows = rows.filter((a) => a.roles.includes(filter.role as AccountRole));
    if (filter.search) {
      const q = searchKey(filter.search);
      rows = rows.filter((a) => a.username.includes(q) || searchKey(a.displayName).includes(q) || (a.email ?? '').toLowerCase().includes(q));
    }
    const keyed = rows.map((a) => ({ a, key: vietnameseSortKey(a.displayName) }));
    keyed.sort((x, y) => (x.key === y.key ? x.a.username.localeCompare(y.a.username) : x.key < y.key ? -1 : 1));
    return keyed.map((k) => toPublic(k.a));
  }

  /** An ADMIN creates an account; the person changes the given password at first sign-in. */
  async create(input: AccountInput): Promise<PublicAccount> {
    const username = normalizeUsername(input.username);
    if (needsOrgUnit(input.roles) && !input.orgUnitId) throw authError('ACCOUNT_UNIT_REQUIRED', { field: 'orgUnitId' });
    const problem = passwordProblem(input.password, username);
    if (problem) throw passwordPolicyError('password', problem);
    if (await this.db.manager.exists(Account, { where: { username } })) throw authError('ACCOUNT_DUPLICATE', { field: 'username' });
    const hash = await bcrypt.hash(normalizePassword(input.password), BCRYPT_COST);
    const now = this.clock();
    try {
      return await this.db.transaction(async (m) => {
        const a = m.create(Account, {
          id: randomUUID(),
          username,
          displayName: input.displayName,
          roles: input.roles,
          orgUnitId: input.orgUnitId ?? null,
          email: input.email ?? null,
          active: true,
          passwordHash: hash,
          mustChangePassword: true,
          failedAttempts: 0,
          lockedUntil: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        });
        await m.insert(Account, a);
        await recordAudit(m, { entityType: 'Account', entityId: a.id, action: 'create', after: toPublic(a) });
        return toPublic(a);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw authError('ACCOUNT_DUPLICATE', { field: 'username' });
      throw err;
    }
  }

  /**
   * An ADMIN edits an account against the version they read. Disabling it or changing its roles or unit ends its
   * sessions at once; the last active ADMIN cannot be disabled or lose the role.
   */
  async update(id: string, patch: AccountPatch): Promise<PublicAccount> {
    const result = await this.db.transaction(async (m) => {
      // The ADMIN rows are locked together so two ADMINs demoting each other cannot both succeed.
      const adminRows = m.createQueryBuilder(Account, 'a').where('a.roles LIKE :admin', { admin: '%ADMIN%' }).orderBy('a.id', 'ASC');
      if (this.db.kind === 'mysql') adminRows.setLock('pessimistic_write');
      const admins = await adminRows.getMany();
      const current = await m.findOne(Account, { where: { id }, ...this.lockOpts() });
      if (!current) throw authError('ACCOUNT_NOT_FOUND');
      const next = {
        displayName: patch.displayName ?? current.displayName,
        roles: patch.roles ?? current.roles,
        orgUnitId: patch.orgUnitId === undefined ? current.orgUnitId : patch.orgUnitId,
        email: patch.email === undefined ? current.email : patch.email,
        active: patch.active ?? current.active,
      };
      if (needsOrgUnit(next.roles) && !next.orgUnitId) throw authError('ACCOUNT_UNIT_REQUIRED', { field: 'orgUnitId' });
      const otherActiveAdmins = admins.filter((a) => a.id !== id && a.active && a.roles.includes('ADMIN')).length;
      if (removesLastAdmin(current, next, otherActiveAdmins)) {
        throw authError('ACCOUNT_LAST_ADMIN', { field: patch.active === false ? 'active' : 'roles' });
      }
      const sameRoles = [...next.roles].sort().join(',') === [...current.roles].sort().join(',');
      const changed =
        next.displayName !== current.displayName || !sameRoles || next.orgUnitId !== current.orgUnitId || next.email !== current.email || next.active !== current.active;
      if (!changed) {
        if (current.version !== patch.expectedVersion) throw platformError('VERSION_CONFLICT', { expectedVersion: patch.expectedVersion, currentVersion: current.version });
        return { account: current, endSessions: false };
      }
      const after = await updateVersioned(m, Account, id, patch.expectedVersion, { ...next, updatedAt: this.clock() }, authError('ACCOUNT_NOT_FOUND'));
      const endSessions = !next.active || !sameRoles || next.orgUnitId !== current.orgUnitId;
      if (endSessions) await this.sessions.endForAccount(m, id);
      await recordAudit(m, { entityType: 'Account', entityId: id, action: 'update', before: toPublic(current), after: toPublic(after) });
      return { account: after, endSessions };
    });
    if (result.endSessions) this.sessions.evictAccount(id);
    return toPublic(result.account);
  }

  /** An ADMIN sets a new password: the person must change it, the lock is lifted and every session ends. */
  async resetPassword(id: string, password: string): Promise<PublicAccount> {
    const current = await this.byId(id);
    if (!current) throw authError('ACCOUNT_NOT_FOUND');
    const problem = passwordProblem(password, current.username);
    if (problem) throw passwordPolicyError('password', problem);
    const hash = await bcrypt.hash(normalizePassword(password), BCRYPT_COST);
    const after = await this.db.transaction(async (m) => {
      const before = await m.findOne(Account, { where: { id }, ...this.lockOpts() });
      if (!before) throw authError('ACCOUNT_NOT_FOUND');
      await m
        .createQueryBuilder()
        .update(Account)
        .set({ passwordHash: hash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: this.clock() })
        .where('id = :id', { id })
        .execute();
      await this.sessions.endForAccount(m, id);
      const a = await m.findOneOrFail(Account, { where: { id } });
      await recordAudit(m, {
        entityType: 'Account',
        entityId: id,
        action: 'password_reset',
        before: { mustChangePassword: before.mustChangePassword, lockedUntil: before.lockedUntil?.toISOString() ?? null },
        after: { mustChangePassword: true, lockedUntil: null },
      });
      return a;
    });
    this.sessions.evictAccount(id);
    return toPublic(after);
  }
}
