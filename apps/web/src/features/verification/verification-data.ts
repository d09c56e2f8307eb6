// The assessment as the verifier sees it, and the lead agency's verification steps. Operations are self-contained
// (the built app parses each on its own): every step answers with the whole assessment, so the page stays current.
import { graphql } from '../../gql';
import type { GroupKind, VerificationAssessmentQuery } from '../../gql/graphql';

export const VerificationQuery = graphql(`
  query VerificationAssessment($id: ID!) {
    assessment(id: $id) {
      id
      year
      status
      version
      unitName
      unitKind
      reopenedUntil
      maxPoints
      selfTotal
      verifiedTotal
      percent
      classification
      passes
      submittedAt
      verifiedAt
      publishedAt
      scores {
        applicable
        selfPoints
        evidenceFileIds
        note
        verifiedPoints
        adjustmentReason
        selfValue {
          yes
          count
          numerator
          denominator
          points
        }
        indicator {
          id
          code
          name
          maxPoints
          ruleType
          numeratorLabel
          denominatorLabel
          evidence
          dataSource
          verifyingUnit
          groupKind
          bands {
            min
            points
          }
        }
      }
      history {
        at
        action
        indicatorCode
        before
        after
      }
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
          id
          code
          name
          kind
          maxPoints
          indicators {
            id
          }
          groups {
            id
            code
            name
            kind
            maxPoints
            indicators {
              id
            }
            groups {
              id
              code
              name
              kind
              maxPoints
              indicators {
                id
              }
            }
          }
        }
      }
    }
  }
`);

export const VerifyScoreMutation = graphql(`
  mutation VerifyScore($id: ID!, $version: Int!, $code: String!, $points: Float!, $reason: String) {
    verifyScore(assessmentId: $id, expectedVersion: $version, indicatorCode: $code, points: $points, reason: $reason) {
      id
      year
      status
      version
      unitName
      unitKind
      reopenedUntil
      maxPoints
      selfTotal
      verifiedTotal
      percent
      classification
      passes
      submittedAt
      verifiedAt
      publishedAt
      scores {
        applicable
        selfPoints
        evidenceFileIds
        note
        verifiedPoints
        adjustmentReason
        selfValue {
          yes
          count
          numerator
          denominator
          points
        }
        indicator {
          id
          code
          name
          maxPoints
          ruleType
          numeratorLabel
          denominatorLabel
          evidence
          dataSource
          verifyingUnit
          groupKind
          bands {
            min
            points
          }
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
  }
`);

export const CompleteVerificationMutation = graphql(`
  mutation CompleteVerification($id: ID!, $version: Int!) {
    completeVerification(id: $id, expectedVersion: $version) {
      id
      year
      status
      version
      unitName
      unitKind
      reopenedUntil
      maxPoints
      selfTotal
      verifiedTotal
      percent
      classification
      passes
      submittedAt
      verifiedAt
      publishedAt
      scores {
        applicable
        selfPoints
        evidenceFileIds
        note
        verifiedPoints
        adjustmentReason
        selfValue {
          yes
          count
          numerator
          denominator
          points
        }
        indicator {
          id
          code
          name
          maxPoints
          ruleType
          numeratorLabel
          denominatorLabel
          evidence
          dataSource
          verifyingUnit
          groupKind
          bands {
            min
            points
          }
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
  }
`);

export const PublishAssessmentMutation = graphql(`
  mutation PublishAssessment($id: ID!, $version: Int!) {
    publishAssessment(id: $id, expectedVersion: $version) {
      id
      year
      status
      version
      unitName
      unitKind
      reopenedUntil
      maxPoints
      selfTotal
      verifiedTotal
      percent
      classification
      passes
      submittedAt
      verifiedAt
      publishedAt
      scores {
        applicable
        selfPoints
        evidenceFileIds
        note
        verifiedPoints
        adjustmentReason
        selfValue {
          yes
          count
          numerator
          denominator
          points
        }
        indicator {
          id
          code
          name
          maxPoints
          ruleType
          numeratorLabel
          denominatorLabel
          evidence
          dataSource
          verifyingUnit
          groupKind
          bands {
            min
            points
          }
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
  }
`);

export const ReopenAssessmentMutation = graphql(`
  mutation ReopenAssessment($id: ID!, $version: Int!, $until: Date!) {
    reopenAssessment(id: $id, expectedVersion: $version, until: $until) {
      id
      year
      status
      version
      unitName
      unitKind
      reopenedUntil
      maxPoints
      selfTotal
      verifiedTotal
      percent
      classification
      passes
      submittedAt
      verifiedAt
      publishedAt
      scores {
        applicable
        selfPoints
        evidenceFileIds
        note
        verifiedPoints
        adjustmentReason
        selfValue {
          yes
          count
          numerator
          denominator
          points
        }
        indicator {
          id
          code
          name
          maxPoints
          ruleType
          numeratorLabel
          denominatorLabel
          evidence
          dataSource
          verifyingUnit
          groupKind
          bands {
            min
            points
          }
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
  }
`);

export type ScoreRow = NonNullable<VerificationAssessmentQuery['assessment']>['scores'][number];

export interface GroupNode {
  id: string;
  code: string;
  name: string;
  kind: GroupKind;
  maxPoints: number;
  indicators: Array<{ id: string }>;
  groups?: GroupNode[];
}

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
