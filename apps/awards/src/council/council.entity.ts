import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export interface CouncilMember {
  id: string;
  name: string;
  /** "Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên", "Thư ký". */
  position: string;
  /** The member's sign-in subject, when they vote in the system themselves. */
  userId: string | null;
}

export type CouncilStatus = 'OPEN' | 'CLOSED';

/**
 * A meeting of the Hội đồng Thi đua - Khen thưởng that reviews appraised nominations of one occasion (R14):
 * its members, its pass threshold, and once closed the outcome of every nomination it reviewed.
 */
@Entity('council_review')
@Index('idx_council_occasion', ['occasionId'])
export class CouncilReview {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ name: 'occasion_id', ...refColumn })
  occasionId!: string;

  /** "Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột". */
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'meeting_date', ...dateColumn })
  meetingDate!: string;

  @Column({ type: 'varchar', length: 255 })
  place!: string;

  /** A nomination passes with at least this share (%) of FOR votes among the members who did not recuse. */
  @Column({ name: 'pass_percent', type: 'int' })
  passPercent!: number;

  @Column({ type: 'simple-json' })
  members!: CouncilMember[];

  @Column({ type: 'varchar', length: 8 })
  status!: CouncilStatus;

  @Column({ name: 'closed_at', ...timestampColumn, nullable: true })
  closedAt!: Date | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}

export const VOTES = ['FOR', 'AGAINST', 'ABSTAIN'] as const;
export type VoteChoice = (typeof VOTES)[number];

/** A member's vote on one nomination; a member may change it until the meeting closes. */
@Entity('council_vote')
@Index('uq_council_vote', ['reviewId', 'nominationId', 'memberId'], { unique: true })
export class CouncilVote {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'review_id', ...refColumn })
  reviewId!: string;

  @Column({ name: 'nomination_id', ...refColumn })
  nominationId!: string;

  @Column({ name: 'member_id', ...refColumn })
  memberId!: string;

  @Column({ type: 'varchar', length: 8 })
  vote!: VoteChoice;

  @Column({ name: 'recorded_by', type: 'varchar', length: 191 })
  recordedBy!: string;

  @Column({ name: 'at', ...timestampColumn })
  at!: Date;
}

/** A member's recusal from one nomination (conflict of interest): logged with its reason; the vote is excluded. */
@Entity('council_recusal')
@Index('uq_council_recusal', ['reviewId', 'nominationId', 'memberId'], { unique: true })
export class CouncilRecusal {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'review_id', ...refColumn })
  reviewId!: string;

  @Column({ name: 'nomination_id', ...refColumn })
  nominationId!: string;

  @Column({ name: 'member_id', ...refColumn })
  memberId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'recorded_by', type: 'varchar', length: 191 })
  recordedBy!: string;

  @Column({ name: 'at', ...timestampColumn })
  at!: Date;
}
