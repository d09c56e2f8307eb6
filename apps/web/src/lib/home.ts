import type { RoleCode } from '../i18n/labels';

/** Where each role starts after signing in. */
export function homeFor(roles: RoleCode[]): string {
  if (roles.includes('LEAD_AGENCY')) return '/dieu-hanh';
  if (roles.includes('UNIT_OFFICER')) return '/don-vi-cua-toi';
  if (roles.includes('PROVINCE')) return '/tinh';
  if (roles.includes('ADMIN')) return '/quan-tri/tai-khoan';
  return '/';
}
