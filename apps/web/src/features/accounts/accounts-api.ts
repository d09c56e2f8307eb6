// The gateway's account API (local accounts; ADMIN only). Not part of the graph: sign-in lives at the edge.
import type { RoleCode } from '../../i18n/labels';
import { restJson } from '../../lib/errors';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: RoleCode[];
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
  roles: RoleCode[];
  orgUnitId?: string | null;
  email?: string | null;
  password: string;
}

export type AccountPatch = Partial<Pick<Account, 'displayName' | 'roles' | 'orgUnitId' | 'email' | 'active'>> & { expectedVersion: number };

export async function listAccounts(filter: { search?: string; role?: string; active?: boolean } = {}): Promise<Account[]> {
  const q = new URLSearchParams();
  if (filter.search) q.set('search', filter.search);
  if (filter.role) q.set('role', filter.role);
  if (filter.active !== undefined) q.set('active', String(filter.active));
  return (await restJson<{ accounts: Account[] }>(`/auth/accounts?${q.toString()}`)).accounts;
}

/** An account holding the council role, as Nội vụ may see it to choose a session's members (id and name only). */
export interface CouncilMemberAccount {
  id: string;
  displayName: string;
}

/** The active accounts holding the council role (HOME_AFFAIRS): the id is the one the member votes with. */
export async function listCouncilMemberAccounts(): Promise<CouncilMemberAccount[]> {
  return (await restJson<{ accounts: CouncilMemberAccount[] }>('/auth/accounts/council-members')).accounts;
}

export async function createAccount(input: AccountInput): Promise<Account> {
  return (await restJson<{ account: Account }>('/auth/accounts', { body: input })).account;
}

export async function updateAccount(id: string, patch: AccountPatch): Promise<Account> {
  return (await restJson<{ account: Account }>(`/auth/accounts/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch })).account;
}

export async function resetPassword(id: string, password: string): Promise<Account> {
  return (await restJson<{ account: Account }>(`/auth/accounts/${encodeURIComponent(id)}/password`, { body: { password } })).account;
}

/** A temporary password the administrator hands over (the account must change it at first sign-in). */
export function temporaryPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
