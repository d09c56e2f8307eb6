import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { OrgUnitKind } from '../framework/framework.types';
import type { ScoreValue } from './assessment-sheet.types';
import type { ClassificationRule } from './scoring.rules';

/** A campaign's scoring settings: how totals are classified (R9). */
@Entity('campaign_scoring')
export class CampaignScoring {
  @PrimaryColumn({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ type: 'simple-json' })
  rule!: ClassificationRule;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/** A campaign's scoring year: the window in which units self-assess. */
@Entity('scoring_period')
@Index('uq_period', ['campaignId', 'year'], { unique: true })
export class ScoringPeriod {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'self_assessment_opens', ...dateColumn })
  selfAssessmentOpens!: string;

  @Column({ name: 'self_assessment_closes', ...dateColumn })
  selfAssessmentCloses!: string;

  @VersionColumn({ type: 'int' })
  version!: number;
}

export const ASSESSMENT_STATUSES = ['SELF_ASSESSING', 'SUBMITTED', 'VERIFIED', 'PUBLISHED'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/**
 * One unit's assessment against one framework for one year (R8). Totals are kept up to date in the same
 * transaction as every score change, so rankings read one row per unit.
 */
@Entity('assessment')
@Index('uq_assessment', ['unitId', 'frameworkId', 'year'], { unique: true })
@Index('uq_assessment_campaign_year', ['unitId', 'campaignId', 'year'], { unique: true })
@Index('idx_assessment_ranking', ['campaignId', 'year', 'status', 'unitKind'])
export class Assessment {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ name: 'period_id', ...refColumn })
  periodId!: string;

  @Column({ name: 'unit_id', ...refColumn })
  unitId!: string;

  /** The unit's kind when the assessment began (ranking groups units by kind). */
  @Column({ name: 'unit_kind', type: 'varchar', length: 32 })
  unitKind!: OrgUnitKind;

  @Column({ name: 'unit_name', type: 'varchar', length: 255 })
  unitName!: string;

  @Column({ name: 'framework_id', ...refColumn })
  frameworkId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: AssessmentStatus;

  @Column({ name: 'reopened_until', ...dateColumn, nullable: true })
  reopenedUntil!: string | null;

  @Column({ name: 'max_points', type: 'double' })
  maxPoints!: number;

  @Column({ name: 'self_total', type: 'double' })
  selfTotal!: number;

  @Column({ name: 'verified_total', type: 'double', nullable: true })
  verifiedTotal!: number | null;

  @Column({ name: 'submitted_at', ...timestampColumn, nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'verified_at', ...timestampColumn, nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'published_at', ...timestampColumn, nullable: true })
  publishedAt!: Date | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/** A unit's value and points for one indicator, and the lead agency's verified points. */
@Entity('indicator_score')
@Index('uq_score', ['assessmentId', 'indicatorId'], { unique: true })
export class IndicatorScore {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'assessment_id', ...refColumn })
  assessmentId!: string;

  @Column({ name: 'indicator_id', ...refColumn })
  indicatorId!: string;

  @Column({ name: 'self_value', type: 'simple-json', nullable: true })
  selfValue!: ScoreValue | null;

  @Column({ name: 'self_points', type: 'double', nullable: true })
  selfPoints!: number | null;

  @Column({ name: 'evidence_file_ids', type: 'simple-json' })
  evidenceFileIds!: string[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'verified_points', type: 'double', nullable: true })
  verifiedPoints!: number | null;

  @Column({ name: 'adjustment_reason', type: 'text', nullable: true })
  adjustmentReason!: string | null;

  @Column({ name: 'verified_by', type: 'varchar', length: 191, nullable: true })
  verifiedBy!: string | null;
}

