import { DateScalar, DateTimeScalar } from '@thidua/platform';
import { assessmentResolvers } from './assessment/assessment.resolver';
import { frameworkResolvers } from './framework/framework.resolver';
import type { Resolvers } from './generated/resolvers';
import { rankingResolvers } from './ranking/ranking.resolver';
import { scoreImportResolvers } from './score-import/score-import.resolver';
import { taskResolvers } from './task/task.resolver';

type ResolverGroup = Record<string, Record<string, unknown>>;

/** One resolver map from the modules' maps (each module resolves its own fields of Query, Mutation, OrgUnit, …). */
function merge(...groups: Resolvers[]): Resolvers {
  const out: ResolverGroup = {};
  for (const g of groups as ResolverGroup[]) {
    for (const [type, fields] of Object.entries(g)) out[type] = { ...(out[type] ?? {}), ...fields };
  }
  return out as Resolvers;
}

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
  ...merge(references, frameworkResolvers, assessmentResolvers, rankingResolvers, taskResolvers, scoreImportResolvers),
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
