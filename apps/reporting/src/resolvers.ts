import { DateScalar, DateTimeScalar, mergeResolvers } from '@thidua/platform';
import { auditResolvers } from './audit/audit.resolver';
import { deliveryResolvers } from './delivery/delivery.resolver';
import type { Resolvers } from './generated/resolvers';
import { reminderResolvers } from './reminder/reminder.resolver';
import { inboxResolvers } from './inbox/inbox.resolver';
import { failedJobResolvers } from './report/failed-jobs.resolver';
import { reportResolvers } from './report/report.resolver';
import { unitReportResolvers } from './unit-report/unit-report.resolver';

/** All resolvers of the reporting subgraph. */
export const resolvers: Resolvers = {
  ...mergeResolvers<Resolvers>(reportResolvers, unitReportResolvers, reminderResolvers, deliveryResolvers, auditResolvers, failedJobResolvers, inboxResolvers, {
    // Entities other subgraphs own: reporting knows them by their id.
    Campaign: { __resolveReference: (ref) => ({ id: ref.id }) },
    OrgUnit: { __resolveReference: (ref) => ({ id: ref.id }) },
  }),
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
