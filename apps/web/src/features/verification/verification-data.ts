// The assessment as the verifier sees it, and the lead agency's verification steps: every step answers with the
// whole assessment (one fragment), so the page stays current.
import { graphql } from '../../gql';
import { AssessmentFields, IndicatorFields, IndicatorGroupOutline } from '../assessment/assessment-fragments';
import type { GroupNode as TreeNode } from '../assessment/assessment-types';
import type { VerificationAssessmentQuery } from '../../gql/graphql';
import { spreads } from '../../lib/graphql-runtime';

spreads(AssessmentFields, IndicatorFields, IndicatorGroupOutline);

/** An assessment as a line of the lead agency's lists (the dashboard, the verification list). */
export const AssessmentSummaryFields = graphql(`
  fragment AssessmentSummaryFields on Assessment {
    id
    status
    unitName
    unitKind
    maxPoints
    selfTotal
    verifiedTotal
    percent
    classification
    submittedAt
    unit {
      id
      code
    }
  }
`);

/** The assessment as the verifier works on it: the unit's scores with the indicators in full, and its history. */
export const VerificationAssessmentFields = graphql(`
  fragment VerificationAssessmentFields on Assessment {
    ...AssessmentFields
    year
    unitName
    unitKind
    scores {
      indicator {
        ...IndicatorFields
      }
    }
    history {
      at
      action
      indicatorCode
      before
      after
    }
  }
`);

export const VerificationQuery = graphql(`
  query VerificationAssessment($id: ID!) {
    assessment(id: $id) {
      ...VerificationAssessmentFields
      unit {
        id
        code
        name
      }
      campaign {
        id
        code
        name
      }
      framework {
        id
        code
        name
        groups {
          ...IndicatorGroupOutline
        }
      }
    }
  }
`);

export const VerifyScoreMutation = graphql(`
  mutation VerifyScore($id: ID!, $version: Int!, $code: String!, $points: Float!, $reason: String) {
    verifyScore(assessmentId: $id, expectedVersion: $version, indicatorCode: $code, points: $points, reason: $reason) {
      ...VerificationAssessmentFields
    }
  }
`);

export const CompleteVerificationMutation = graphql(`
  mutation CompleteVerification($id: ID!, $version: Int!) {
    completeVerification(id: $id, expectedVersion: $version) {
      ...VerificationAssessmentFields
    }
  }
`);

export const PublishAssessmentMutation = graphql(`
  mutation PublishAssessment($id: ID!, $version: Int!) {
    publishAssessment(id: $id, expectedVersion: $version) {
      ...VerificationAssessmentFields
    }
  }
`);

export const ReopenAssessmentMutation = graphql(`
  mutation ReopenAssessment($id: ID!, $version: Int!, $until: Date!) {
    reopenAssessment(id: $id, expectedVersion: $version, until: $until) {
      ...VerificationAssessmentFields
    }
  }
`);

export type ScoreRow = NonNullable<VerificationAssessmentQuery['assessment']>['scores'][number];

/** The tree of the index as the verification reads it (indicators by id, their scores come with the assessment). */
export type GroupNode = TreeNode<{ id: string }>;

/** A top-level group of the index with its indicators' scores in the framework's order (sub-groups flattened). */
export interface GroupSection {
  group: GroupNode;
  rows: Array<ScoreRow & { subgroup: string | null }>;
  self: number;
  verified: number;
}

export function sections(groups: GroupNode[], scores: ScoreRow[]): GroupSection[] {
  const byId = new Map(scores.map((s) => [s.indicator.id, s]));
  const collect = (g: GroupNode, sub: string | null): Array<ScoreRow & { subgroup: string | null }> => [
    ...g.indicators.flatMap((i) => {
      const s = byId.get(i.id);
      return s ? [{ ...s, subgroup: sub }] : [];
    }),
    ...(g.groups ?? []).flatMap((child) => collect(child, `${child.code}. ${child.name}`)),
  ];
  return groups.map((group) => {
    const rows = collect(group, null);
    const applicable = rows.filter((r) => r.applicable);
    return {
      group,
      rows,
      self: applicable.reduce((sum, r) => sum + (r.selfPoints ?? 0), 0),
      verified: applicable.reduce((sum, r) => sum + (r.verifiedPoints ?? r.selfPoints ?? 0), 0),
    };
  });
}
