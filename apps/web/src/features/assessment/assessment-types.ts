// What the self-assessment pages read of an assessment and of its framework, as the generated types of the page's
// queries say. Every write answers with the same assessment fields, so points, totals and the version update
// everywhere at once (Assessment is normalised by id).
import type { UnitAssessmentPageQuery, UnitFrameworkTreeQuery } from '../../gql/graphql';

export type AssessmentFull = NonNullable<UnitAssessmentPageQuery['orgUnit']>['assessments'][number];
/** What the editors need of an assessment (its id, version and scores). */
export type AssessmentState = Pick<AssessmentFull, 'id' | 'version' | 'scores' | 'selfTotal' | 'maxPoints'>;
export type FrameworkTree = NonNullable<UnitFrameworkTreeQuery['framework']>;
export type IndicatorInfo = FrameworkTree['groups'][number]['indicators'][number];
export type ScoreRow = AssessmentFull['scores'][number];

/** A group of the index with its sub-groups (three levels are read, as deep as the frameworks go). */
export interface GroupNode {
  id: string;
  code: string;
  name: string;
  kind: FrameworkTree['groups'][number]['kind'];
  maxPoints: number;
  indicators: IndicatorInfo[];
  groups?: GroupNode[];
}
