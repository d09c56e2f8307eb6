import { DateScalar, DateTimeScalar, mergeResolvers } from '@thidua/platform';
import { assessmentResolvers } from './assessment/assessment.resolver';
import { auditResolvers } from './audit/audit.resolver';
import { frameworkResolvers } from './framework/framework.resolver';
import type { Resolvers } from './generated/resolvers';
import { rankingResolvers } from './ranking/ranking.resolver';
import { scoreImportResolvers } from './score-import/score-import.resolver';
import { taskResolvers } from './task/task.resolver';

/** The entities other subgraphs own, resolved by reference here once; the modules add their fields. */
const references: Resolvers = {
  OrgUnit: {
    __resolveReference: (ref) => ({ id: ref.id }),
  },
  Campaign: {
    __resolveReference: (ref) => ({ id: ref.id }),
  },
};

/** All resolvers of the scoring subgraph (the scalars are set after the merge, which would flatten them). */
export const resolvers: Resolvers = {
  ...mergeResolvers<Resolvers>(references, frameworkResolvers, assessmentResolvers, rankingResolvers, taskResolvers, scoreImportResolvers, auditResolvers),
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
