import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { CommentKind, ConsultationStageValue } from './consultation.rules';

/**
 * Công khai, lấy ý kiến (R27): Nội vụ publishes nominations of one occasion on the public pages for a period; anyone
 * may comment or object until it ends. The stage (before the council or before the decision) is the campaign's rule
 * when it was opened.
 */
@Entity('consultation')
@Index('idx_consultation_campaign', ['campaignId', 'startsOn'])
export class Consultation {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ name: 'occasion_id', ...refColumn })
  occasionId!: string;

  @Column({ type: 'varchar', length: 16 })
  stage!: ConsultationStageValue;

  /** First day of publication. */
  @Column({ name: 'starts_on', ...dateColumn })
  startsOn!: string;

  /** Last day comments are received. */
  @Column({ name: 'ends_on', ...dateColumn })
  endsOn!: string;

  @Column({ name: 'opened_by', type: 'varchar', length: 191 })
  openedBy!: string;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/**
 * One nominee as published: only what the public may read (the unit's name; a person's name, position and unit), the
 * form, the proposing unit and the achievement summary, fixed when published.
 */
@Entity('consultation_nominee')
@Index('uq_consultation_nominee', ['nominationId'], { unique: true })
@Index('idx_consultation_nominee', ['consultationId', 'position'])
export class ConsultationNominee {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'consultation_id', ...refColumn })
  consultationId!: string;

  @Column({ name: 'nomination_id', ...refColumn })
  nominationId!: string;

  /** Order in the published list. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'boolean' })
  collective!: boolean;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  /** A person's position (chức vụ), as the directory has it. */
  @Column({ name: 'job_title', type: 'varchar', length: 255, nullable: true })
  jobTitle!: string | null;

  /** A person's unit. */
  @Column({ name: 'unit_name', type: 'varchar', length: 500, nullable: true })
  unitName!: string | null;

  @Column({ name: 'form_name', type: 'varchar', length: 500 })
  formName!: string;

  @Column({ name: 'proposing_unit_name', type: 'varchar', length: 500 })
  proposingUnitName!: string;

  @Column({ name: 'achievement_summary', type: 'text' })
  achievementSummary!: string;
}

/**
 * A comment or objection sent from the public page, with the author's name and contact (never public), and Nội vụ's
 * answer; `published` decides whether the comment and its answer appear on the public page.
 */
@Entity('consultation_comment')
@Index('idx_consultation_comment', ['consultationId', 'submittedAt'])
@Index('idx_consultation_comment_nomination', ['nominationId'])
@Index('idx_consultation_comment_contact', ['contactKey', 'submittedAt'])
export class ConsultationComment {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'consultation_id', ...refColumn })
  consultationId!: string;

  @Column({ name: 'nomination_id', ...refColumn })
  nominationId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CommentKind;

  @Column({ name: 'author_name', type: 'varchar', length: 255 })
  authorName!: string;

  /** As typed. */
  @Column({ type: 'varchar', length: 255 })
  contact!: string;

  /** The e-mail in lower case or the phone's digits: what comments are counted by. */
  @Column({ name: 'contact_key', type: 'varchar', length: 255 })
  contactKey!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'submitted_at', ...timestampColumn })
  submittedAt!: Date;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ name: 'answered_by', type: 'varchar', length: 191, nullable: true })
  answeredBy!: string | null;

  @Column({ name: 'answered_at', ...timestampColumn, nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  published!: boolean;

  @VersionColumn({ type: 'int' })
  version!: number;
}
