// The audit log of every subgraph, asked in one request (the gateway asks the four services in parallel).
import { graphql } from '../../gql';
import { restJson } from '../../lib/errors';
import type { AdminAuditLogQuery } from '../../gql/graphql';
import type { AuditSource } from './audit-labels';

export const AuditEntryFields = graphql(`
  fragment AuditEntryFields on AuditEntry {
    id
    at
    actorId
    actorRoles
    entityType
    entityId
    action
    before
    after
  }
`);

export const AuditLogQuery = graphql(`
  query AdminAuditLog($entityType: String, $entityId: ID, $actorId: String, $first: Int, $from: DateTime, $to: DateTime, $search: String) {
    participantsAuditLog(entityType: $entityType, entityId: $entityId, actorId: $actorId, first: $first, from: $from, to: $to, search: $search) {
      ...AuditEntryFields
    }
    scoringAuditLog(entityType: $entityType, entityId: $entityId, actorId: $actorId, first: $first, from: $from, to: $to, search: $search) {
      ...AuditEntryFields
    }
    reportingAuditLog(entityType: $entityType, entityId: $entityId, actorId: $actorId, first: $first, from: $from, to: $to, search: $search) {
      ...AuditEntryFields
    }
    awardsAuditLog(entityType: $entityType, entityId: $entityId, actorId: $actorId, first: $first, from: $from, to: $to, search: $search) {
      ...AuditEntryFields
    }
  }
`);

type Entry = AdminAuditLogQuery['awardsAuditLog'][number];

/** One row of the merged log: the entry, the service that kept it, and its snapshots parsed. */
export interface AuditRow extends Entry {
  source: AuditSource;
  beforeJson: Record<string, unknown> | null;
  afterJson: Record<string, unknown> | null;
}

function parse(s: string | null): Record<string, unknown> | null {
  if (!s) return null;
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { value: s };
  }
}

/** The filters every log takes. */
export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  first?: number;
  from?: string;
  to?: string;
  search?: string;
}

/** The gateway's own log (accounts, passwords, sign-ins), from its account API. */
export async function gatewayAuditLog(f: AuditFilters): Promise<AuditRow[]> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q.set(k, String(v));
  const { entries } = await restJson<{ entries: Entry[] }>(`/auth/audit?${q.toString()}`);
  return entries.map((e) => ({ ...e, source: 'gateway' as const, beforeJson: parse(e.before), afterJson: parse(e.after) }));
}

/** The services' logs and the gateway's merged, newest first (a service that did not answer leaves its part out). */
export function mergeAuditLogs(data: Partial<AdminAuditLogQuery> | undefined, gateway: AuditRow[] = []): AuditRow[] {
  if (!data) return [...gateway];
  const parts: Array<[AuditSource, Entry[] | null | undefined]> = [
    ['participants', data.participantsAuditLog],
    ['scoring', data.scoringAuditLog],
    ['reporting', data.reportingAuditLog],
    ['awards', data.awardsAuditLog],
  ];
  return parts
    .flatMap(([source, entries]) => (entries ?? []).map((e): AuditRow => ({ ...e, source, beforeJson: parse(e.before), afterJson: parse(e.after) })))
    .concat(gateway)
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** What names the record in its snapshot: a number, a name, a title or a code, when it has one. */
export function recordName(r: AuditRow): string | null {
  const s = r.afterJson ?? r.beforeJson;
  if (!s) return null;
  for (const k of ['number', 'name', 'displayName', 'title', 'awardeeName', 'candidateName', 'unitName', 'username', 'code']) {
    const v = s[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
}

