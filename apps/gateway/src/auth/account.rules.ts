import { ROLES, type Role } from '@thidua/platform';

/** Roles a person's account may hold: every platform role but SERVICE, which only machines use. */
export const ACCOUNT_ROLES = ROLES.filter((r): r is Exclude<Role, 'SERVICE'> => r !== 'SERVICE');
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt reads only the first 72 bytes; a longer password would be silently cut, so it is refused instead. */
export const PASSWORD_MAX_BYTES = 72;
export const MAX_FAILED_ATTEMPTS = 5;
/** lastSeenAt is written at most this often, so a busy session does not write on every request. */
export const TOUCH_INTERVAL_MS = 60_000;
export const BCRYPT_COST = 12;

/** Usernames are stored lower-case so that "Admin" and "admin" are one account on SQLite and MySQL alike. */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

/**
 * Passwords are compared in NFC: a Vietnamese password typed on a Mac (NFD) and on Windows (NFC) is the same
 * password.
 */
export function normalizePassword(raw: string): string {
  return raw.normalize('NFC');
}

/** Why a password is refused (Vietnamese), or null when it satisfies the policy. */
export function passwordProblem(rawPassword: string, username: string): string | null {
  const password = normalizePassword(rawPassword);
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    return `Mật khẩu quá dài (tối đa ${PASSWORD_MAX_BYTES} byte; mỗi chữ có dấu tính 2–3 byte).`;
  }
  if (password.trim().toLowerCase() === normalizeUsername(username)) return 'Mật khẩu không được trùng với tên đăng nhập.';
  return null;
}

/** Roles whose account acts for an org unit: a unit officer for their unit; a lead agency, Nội vụ, the province within its unit's campaigns (R26). */
export const UNIT_BOUND_ROLES = ['UNIT_OFFICER', 'LEAD_AGENCY', 'HOME_AFFAIRS', 'PROVINCE'] as const;

/** Does a set of roles need an org unit? Every role that acts for a unit does (ADMIN, a council member and a service do not). */
export function needsOrgUnit(roles: readonly string[]): boolean {
  return roles.some((r) => (UNIT_BOUND_ROLES as readonly string[]).includes(r));
}

export interface LockState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return !!state.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The lock state after a wrong password. The fifth consecutive failure locks the account for lockMinutes and
 * starts the count again, so once the lock expires the user has five fresh attempts.
 */
export function afterFailedPassword(state: LockState, now: Date, lockMinutes: number): LockState & { locked: boolean } {
  const attempts = state.failedAttempts + 1;
  if (attempts >= MAX_FAILED_ATTEMPTS) return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + lockMinutes * 60_000), locked: true };
  return { failedAttempts: attempts, lockedUntil: null, locked: false };
}

export const UNLOCKED: LockState = Object.freeze({ failedAttempts: 0, lockedUntil: null });

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
}

/** The absolute end of a session started at `now`. */
export function sessionExpiresAt(now: Date, maxHours: number): Date {
  return new Date(now.getTime() + maxHours * 3_600_000);
}

/** Is a session still usable: before its absolute end and not idle for longer than idleMinutes? */
export function sessionAlive(s: SessionTimes, now: Date, idleMinutes: number): boolean {
  return now.getTime() < s.expiresAt.getTime() && now.getTime() - s.lastSeenAt.getTime() <= idleMinutes * 60_000;
}

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

/** Would this change leave no active ADMIN? `otherActiveAdmins` counts the active ADMINs other than the target. */
export function removesLastAdmin(
  target: { active: boolean; roles: readonly string[] },
  next: { active: boolean; roles: readonly string[] },
  otherActiveAdmins: number,
): boolean {
  const isActiveAdmin = (a: { active: boolean; roles: readonly string[] }) => a.active && a.roles.includes('ADMIN');
  return isActiveAdmin(target) && !isActiveAdmin(next) && otherActiveAdmins === 0;
}

/** "HH:mm dd/MM/yyyy" in Vietnam's time zone, as the lock message shows it. */
export function formatVietnamTime(d: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

/**
 * Where to send the browser after signing in: only a path on this site ("/a/b?c"), never another origin,
 * a protocol-relative "//host" or a backslash trick; anything else becomes "/".
 */
export function safeReturnTo(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.length > 2000) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return '/';
  try {
    const base = 'http://thidua.invalid';
    const u = new URL(raw, base);
    if (u.origin !== base) return '/';
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return '/';
  }
}

/** The roles and unit an issuer's claims give a person, or why they give no usable access. */
export function accessFromClaims(
  claims: Record<string, unknown>,
  rolesClaim: string,
  unitClaim: string,
): { roles: AccountRole[]; orgUnitId: string | null } | { refused: 'OIDC_NO_ROLE' | 'OIDC_NO_UNIT' } {
  const raw = claims[rolesClaim];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  const roles = [...new Set(list.filter((r): r is AccountRole => typeof r === 'string' && (ACCOUNT_ROLES as readonly string[]).includes(r)))];
  if (!roles.length) return { refused: 'OIDC_NO_ROLE' };
  const unit = claims[unitClaim];
  const orgUnitId = typeof unit === 'string' && unit.length > 0 && unit.length <= 36 ? unit : null;
  if (needsOrgUnit(roles) && !orgUnitId) return { refused: 'OIDC_NO_UNIT' };
  return { roles, orgUnitId };
}
