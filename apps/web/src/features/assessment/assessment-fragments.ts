// The selections the unit officer's self-assessment and the lead agency's verification and frameworks share: an
// indicator, the tree of the index, an indicator's score and the assessment. One definition each, spread by the
// operations of both sides (registered with the cache when this module loads, see src/lib/graphql-runtime.ts).
import { graphql } from '../../gql';

/** What the pages show and edit of an indicator: its rule, points and where its evidence comes from. */
export const IndicatorFields = graphql(`
  fragment IndicatorFields on Indicator {
    id
    code
    name
    maxPoints
    ruleType
    numeratorLabel
    denominatorLabel
    ratioMayExceedOne
    evidence
    dataSource
    verifyingUnit
    appliesToKinds
    groupKind
    bands {
      min
      points
    }
  }
`);

/** A group of the index as a heading (without what it holds). */
export const IndicatorGroupHeading = graphql(`
  fragment IndicatorGroupHeading on IndicatorGroup {
    id
    code
    name
    kind
    maxPoints
  }
`);

/** A group with its indicators in full. */
export const IndicatorGroupFields = graphql(`
  fragment IndicatorGroupFields on IndicatorGroup {
    ...IndicatorGroupHeading
    indicators {
      ...IndicatorFields
    }
  }
`);

/** A top-level group with its sub-groups, three levels (as deep as the frameworks go), indicators in full. */
export const IndicatorGroupTree = graphql(`
  fragment IndicatorGroupTree on IndicatorGroup {
    ...IndicatorGroupFields
    groups {
      ...IndicatorGroupFields
      groups {
        ...IndicatorGroupFields
      }
    }
  }
`);

/** A group's own indicators by id only (the tree's order, where the indicators come with the scores). */
export const IndicatorGroupOutlineLevel = graphql(`
  fragment IndicatorGroupOutlineLevel on IndicatorGroup {
    ...IndicatorGroupHeading
    indicators {
      id
    }
  }
`);

/** The tree of the index, three levels, indicators by id only. */
export const IndicatorGroupOutline = graphql(`
  fragment IndicatorGroupOutline on IndicatorGroup {
    ...IndicatorGroupOutlineLevel
    groups {
      ...IndicatorGroupOutlineLevel
      groups {
        ...IndicatorGroupOutlineLevel
      }
    }
  }
`);

/** One indicator's score: the unit's value, points, note and evidence, and the lead agency's points and reason. */
export const IndicatorScoreFields = graphql(`
  fragment IndicatorScoreFields on IndicatorScore {
    applicable
    selfValue {
      yes
      count
      numerator
      denominator
      points
    }
    selfPoints
    evidenceFileIds
    note
    verifiedPoints
    adjustmentReason
    indicator {
      id
      code
    }
  }
`);

/**
 * An assessment's state, totals and scores. Every write of the self-assessment and of the verification answers with
 * it, so points, totals and the version update everywhere at once (Assessment is normalised by id).
 */
export const AssessmentFields = graphql(`
  fragment AssessmentFields on Assessment {
    id
    status
    version
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
      ...IndicatorScoreFields
    }
  }
`);
