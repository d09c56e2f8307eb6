import { DateScalar, DateTimeScalar } from '@thidua/platform';
import { auditResolvers } from './audit/audit.resolver';
import { deliveryResolvers } from './delivery/delivery.resolver';
import type { Resolvers } from './generated/resolvers';
import { reminderResolvers } from './reminder/reminder.resolver';
import { reportResolvers } from './report/report.resolver';
import { unitReportResolvers } from './unit-report/unit-report.resolver';

type ResolverGroup = Record<string, Record<string, unknown>>;

/** One resolver map from the modules' maps (each module resolves its own fields of Query, Mutation, …). */
function merge(...groups: Resolvers[]): Resolvers {
  const out: ResolverGroup = {};
  for (const g of groups as ResolverGroup[]) {
    for (const [type, fields] of Object.entries(g)) out[type] = { ...(out[type] ?? {}), ...fields };
  }
  return out as Resolvers;
}

/** All resolvers of the reporting subgraph. */
export const resolvers: Resolvers = {
  ...merge(reportResolvers, unitReportResolvers, reminderResolvers, deliveryResolvers, auditResolvers, {
    // Entities other subgraphs own: reporting knows them by their id.
    Campaign: { __resolveReference: (ref) => ({ id: ref.id }) },
    OrgUnit: { __resolveReference: (ref) => ({ id: ref.id }) },
  }),
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
