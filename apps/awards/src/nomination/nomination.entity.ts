import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

/**
 * The workflow (R14): draft → submitted → (where the campaign requires it, forwarded by the lead agency after
 * compilation and review →) appraised by Nội vụ (or returned for correction, then submitted again) → in council →
 * recommended → decided; or rejected with a reason at any step after submission.
 */
export const NOMINATION_STATUSES = ['DRAFT', 'SUBMITTED', 'FORWARDED', 'RETURNED', 'APPRAISED', 'IN_COUNCIL', 'RECOMMENDED', 'DECIDED', 'REJECTED'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** Đề nghị khen thưởng: a proposing unit nominates a unit or a person for a form at an occasion (R12). */
@Entity('nomination')
@Index('idx_nomination_candidate', ['candidateKey', 'occasionId'])
@Index('idx_nomination_campaign', ['campaignId'])
export class Nomination {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ name: 'occasion_id', ...refColumn })
  occasionId!: string;

  @Column({ name: 'form_id', ...refColumn })
  formId!: string;

  @Column({ name: 'proposing_unit_id', ...refColumn })
  proposingUnitId!: string;

  @Column({ name: 'candidate_unit_id', ...refColumn, nullable: true })
  candidateUnitId!: string | null;

  @Column({ name: 'candidate_person_id', ...refColumn, nullable: true })
  candidatePersonId!: string | null;

  /** "unit:<id>" or "person:<id>". */
  @Column({ name: 'candidate_key', type: 'varchar', length: 48 })
  candidateKey!: string;

  @Column({ name: 'achievement_summary', type: 'text' })
  achievementSummary!: string;

  @Column({ name: 'initiative_ids', type: 'simple-json' })
  initiativeIds!: string[];

  @Column({ name: 'nomination_date', ...dateColumn })
  nominationDate!: string;

  /** Declared by the proposing unit: discipline, inspection or a complaint pending against the candidate. */
  @Column({ name: 'pending_proceedings', type: 'boolean', default: false })
  pendingProceedings!: boolean;

  @Column({ type: 'varchar', length: 16 })
  status!: NominationStatus;

  @Column({ name: 'submitted_at', ...timestampColumn, nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'council_review_id', ...refColumn, nullable: true })
  councilReviewId!: string | null;

  @Column({ name: 'decision_id', ...refColumn, nullable: true })
  decisionId!: string | null;

  /** Fixed when decided: the awardee's name as the decision lists it, and a person's unit. */
  @Column({ name: 'awardee_name', type: 'varchar', length: 500, nullable: true })
  awardeeName!: string | null;

  @Column({ name: 'awardee_unit_name', type: 'varchar', length: 500, nullable: true })
  awardeeUnitName!: string | null;

  /** Fixed when decided: the bonus in đồng and how it was computed. */
  @Column({ name: 'bonus_amount', type: 'int', nullable: true })
  bonusAmount!: number | null;

  @Column({ name: 'bonus_basis', type: 'text', nullable: true })
  bonusBasis!: string | null;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/** One step of a nomination's workflow, with who took it and why: returns and rejections carry their reason. */
@Entity('nomination_step')
@Index('idx_nomination_step', ['nominationId', 'at'])
export class NominationStep {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'nomination_id', ...refColumn })
  nominationId!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16 })
  fromStatus!: NominationStatus;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus!: NominationStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 191 })
  actorId!: string;

  @Column({ ...timestampColumn })
  at!: Date;
}

/**
 * Chỉ tiêu: at most so many nominations a proposing unit may submit at an occasion, for one form or (formKey '')
 * for all forms together. Enforced at submission.
 */
@Entity('quota')
@Index('uq_quota', ['occasionId', 'proposingUnitId', 'formKey'], { unique: true })
export class Quota {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'occasion_id', ...refColumn })
  occasionId!: string;

  @Column({ name: 'proposing_unit_id', ...refColumn })
  proposingUnitId!: string;

  /** The form's id, or '' for a quota over every form. */
  @Column({ name: 'form_key', type: 'varchar', length: 36 })
  formKey!: string;

  @Column({ name: 'max_nominations', type: 'int' })
  maxNominations!: number;

  @VersionColumn({ type: 'int' })
  version!: number;
}
