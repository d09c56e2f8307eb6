// What the self-assessment pages read of an assessment and of its framework, as the generated types of the shared
// fragments (assessment-fragments.ts) and of the page's queries say. Every write answers with the same assessment
// fields, so points, totals and the version update everywhere at once (Assessment is normalised by id).
import type {
  AssessmentFieldsFragment,
  IndicatorFieldsFragment,
  IndicatorGroupHeadingFragment,
  IndicatorScoreFieldsFragment,
  UnitAssessmentPageQuery,
  UnitFrameworkTreeQuery,
} from '../../gql/graphql';

export type AssessmentFull = NonNullable<NonNullable<UnitAssessmentPageQuery['orgUnit']>['assessments']>[number];
/** What the editors need of an assessment (its id, version and scores). */
export type AssessmentState = Pick<AssessmentFieldsFragment, 'id' | 'version' | 'scores' | 'selfTotal' | 'maxPoints'>;
export type FrameworkTree = NonNullable<UnitFrameworkTreeQuery['framework']>;
export type IndicatorInfo = IndicatorFieldsFragment;
export type ScoreRow = IndicatorScoreFieldsFragment;

/**
 * A group of the index with its sub-groups (three levels are read, as deep as the frameworks go); its indicators in
 * full, or as the verification's outline reads them (by id).
 */
export interface GroupNode<I = IndicatorInfo> extends IndicatorGroupHeadingFragment {
  indicators: I[];
  groups?: Array<GroupNode<I>>;
}
