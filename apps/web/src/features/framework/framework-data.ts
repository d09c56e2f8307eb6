// Index frameworks (versioned by year), scoring periods and the classification rule of a campaign. The tree of the
// index and the indicator are the fragments the unit officer's self-assessment reads too.
import { graphql } from '../../gql';
import { spreads } from '../../lib/graphql-runtime';
import { IndicatorFields, IndicatorGroupTree } from '../assessment/assessment-fragments';
import { ClassificationRuleFields, ScoringPeriodFields } from '../campaign/use-campaigns';

spreads(IndicatorFields, IndicatorGroupTree, ScoringPeriodFields, ClassificationRuleFields);

/** A framework as its list names it (code, name, year and whether it is published); imports and copies answer it. */
export const FrameworkSummaryFields = graphql(`
  fragment FrameworkSummaryFields on IndexFramework {
    id
    code
    name
    year
    status
  }
`);

export const FrameworksQuery = graphql(`
  query LeadFrameworks {
    frameworks {
      ...FrameworkSummaryFields
      targetLevel
      appliesToKinds
      isSample
      maxPoints
      maxBonus
      maxPenalty
      copiedFrom {
        id
        code
        year
      }
    }
  }
`);

export const FrameworkQuery = graphql(`
  query LeadFramework($id: ID!) {
    framework(id: $id) {
      ...FrameworkSummaryFields
      jurisdiction
      targetLevel
      appliesToKinds
      isSample
      maxPoints
      maxBonus
      maxPenalty
      version
      legalBasis {
        number
        date
        issuer
        title
      }
      copiedFrom {
        id
        code
        name
        year
      }
      groups {
        ...IndicatorGroupTree
      }
    }
  }
`);

/** The workbook is large (base64): fetched when the user downloads it, never kept in the cache. */
export const FrameworkWorkbookQuery = graphql(`
  query LeadFrameworkWorkbook($id: ID!) {
    framework(id: $id) {
      id
      workbook {
        name
        mimeType
        base64
      }
    }
  }
`);

export const ImportFrameworkMutation = graphql(`
  mutation LeadImportFramework($base64: String!, $intoDraftId: ID) {
    importFramework(base64: $base64, intoDraftId: $intoDraftId) {
      ok
      errors {
        row
        message
      }
      framework {
        ...FrameworkSummaryFields
        version
      }
    }
  }
`);

export const CopyFrameworkMutation = graphql(`
  mutation LeadCopyFramework($id: ID!, $code: String!, $year: Int!) {
    copyFramework(id: $id, code: $code, year: $year) {
      ...FrameworkSummaryFields
    }
  }
`);

export const PublishFrameworkMutation = graphql(`
  mutation LeadPublishFramework($id: ID!) {
    publishFramework(id: $id) {
      id
      status
      version
    }
  }
`);

export const UpdateIndicatorMutation = graphql(`
  mutation LeadUpdateIndicator($id: ID!, $input: IndicatorPatch!) {
    updateIndicator(id: $id, input: $input) {
      ...IndicatorFields
    }
  }
`);

export const ScoringSettingsQuery = graphql(`
  query LeadScoringSettings($campaignId: ID!) {
    campaign(id: $campaignId) {
      id
      scoringPeriods {
        ...ScoringPeriodFields
      }
      classificationRule {
        ...ClassificationRuleFields
      }
    }
  }
`);

export const OpenScoringPeriodMutation = graphql(`
  mutation LeadOpenScoringPeriod($campaignId: ID!, $year: Int!, $opens: Date!, $closes: Date!) {
    openScoringPeriod(campaignId: $campaignId, year: $year, selfAssessmentOpens: $opens, selfAssessmentCloses: $closes) {
      ...ScoringPeriodFields
    }
  }
`);

export const SetClassificationRuleMutation = graphql(`
  mutation LeadSetClassificationRule($campaignId: ID!, $rule: ClassificationRuleInput!) {
    setClassificationRule(campaignId: $campaignId, rule: $rule) {
      ...ClassificationRuleFields
    }
  }
`);

/** Next year's code from this one's: a trailing year is replaced, else the year is appended. */
export function nextCode(code: string, year: number): string {
  return /-\d{4}$/.test(code) ? code.replace(/-\d{4}$/, `-${year}`) : `${code}-${year}`;
}
