import {
  accessFromClaims,
  afterFailedPassword,
  formatVietnamTime,
  isLocked,
  passwordProblem,
  removesLastAdmin,
  safeReturnTo,
  sessionAlive,
  shouldTouch,
  UNLOCKED,
} from '../src/auth/account.rules';

const at = (iso: string) => new Date(iso);

describe('account rules', () => {
  it('asks for at least 10 characters, at most 72 bytes, and not the username', () => {
    expect(passwordProblem('ngan', 'lan')).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    expect(passwordProblem('Đủ-mười-ký-tự', 'lan')).toBeNull();
    expect(passwordProblem('ạ'.repeat(30), 'lan')).toMatch(/quá dài/);
    expect(passwordProblem('Can-Bo.Tan-An', 'can-bo.tan-an')).toBe('Mật khẩu không được trùng với tên đăng nhập.');
  });

  it('locks on the fifth consecutive failure and starts counting again', () => {
    const now = at('2025-12-10T01:00:00Z');
    let s = { ...UNLOCKED };
    for (let i = 1; i <= 4; i++) {
      const next = afterFailedPassword(s, now, 15);
      expect(next).toEqual({ failedAttempts: i, lockedUntil: null, locked: false });
      s = next;
    }
    const locked = afterFailedPassword(s, now, 15);
    expect(locked).toEqual({ failedAttempts: 0, lockedUntil: at('2025-12-10T01:15:00Z'), locked: true });
    expect(isLocked(locked, at('2025-12-10T01:14:59Z'))).toBe(true);
    expect(isLocked(locked, at('2025-12-10T01:15:00Z'))).toBe(false);
  });

  it('shows times as HH:mm dd/MM/yyyy in Vietnam', () => {
    expect(formatVietnamTime(at('2025-12-31T17:05:00Z'))).toBe('00:05 01/01/2026');
  });

  it('ends sessions idle too long or past their absolute end, and touches at most once a minute', () => {
    const s = { lastSeenAt: at('2025-01-01T00:00:00Z'), expiresAt: at('2025-01-01T12:00:00Z') };
    expect(sessionAlive(s, at('2025-01-01T02:00:00Z'), 120)).toBe(true);
    expect(sessionAlive(s, at('2025-01-01T02:00:01Z'), 120)).toBe(false);
    expect(sessionAlive({ ...s, lastSeenAt: at('2025-01-01T11:59:00Z') }, at('2025-01-01T12:00:00Z'), 120)).toBe(false);
    expect(shouldTouch(s.lastSeenAt, at('2025-01-01T00:00:59Z'))).toBe(false);
    expect(shouldTouch(s.lastSeenAt, at('2025-01-01T00:01:00Z'))).toBe(true);
  });

  it('keeps the last active ADMIN', () => {
    const admin = { active: true, roles: ['ADMIN'] };
    expect(removesLastAdmin(admin, { active: false, roles: ['ADMIN'] }, 0)).toBe(true);
    expect(removesLastAdmin(admin, { active: true, roles: ['COUNCIL'] }, 0)).toBe(true);
    expect(removesLastAdmin(admin, { active: false, roles: ['ADMIN'] }, 1)).toBe(false);
    expect(removesLastAdmin({ active: false, roles: ['ADMIN'] }, { active: false, roles: [] }, 0)).toBe(false);
  });

  it('returns only to paths on this site', () => {
    expect(safeReturnTo('/queues')).toBe('/queues');
    expect(safeReturnTo('/danh-ba?q=tân an#x')).toBe('/danh-ba?q=t%C3%A2n%20an#x');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/a\nb', undefined, 42]) {
      expect(safeReturnTo(bad)).toBe('/');
    }
  });

  it('takes roles and unit from the configured claims, refusing people with no known role', () => {
    expect(accessFromClaims({ roles: ['LEAD_AGENCY', 'KING'], unit: 'u-2' }, 'roles', 'unit')).toEqual({ roles: ['LEAD_AGENCY'], orgUnitId: 'u-2' });
    expect(accessFromClaims({ groups: 'UNIT_OFFICER', ou: 'u-1' }, 'groups', 'ou')).toEqual({ roles: ['UNIT_OFFICER'], orgUnitId: 'u-1' });
    expect(accessFromClaims({ roles: ['SERVICE'] }, 'roles', 'unit')).toEqual({ refused: 'OIDC_NO_ROLE' });
    expect(accessFromClaims({}, 'roles', 'unit')).toEqual({ refused: 'OIDC_NO_ROLE' });
    expect(accessFromClaims({ roles: ['UNIT_OFFICER'] }, 'roles', 'unit')).toEqual({ refused: 'OIDC_NO_UNIT' });
    // A lead agency, Nội vụ and the province act for their unit too (R26): without one, no access.
    for (const role of ['LEAD_AGENCY', 'HOME_AFFAIRS', 'PROVINCE']) expect(accessFromClaims({ roles: [role] }, 'roles', 'unit')).toEqual({ refused: 'OIDC_NO_UNIT' });
    expect(accessFromClaims({ roles: ['COUNCIL'] }, 'roles', 'unit')).toMatchObject({ roles: ['COUNCIL'] });
  });
});
