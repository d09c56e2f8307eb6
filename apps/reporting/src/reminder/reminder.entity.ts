import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type NotificationKind = 'REMINDER' | 'OVERDUE' | 'ESCALATION';

/**
 * A notice to a unit about a deadline (R18): a reminder before it, an overdue notice after it, an escalation to
 * the lead agency. The key makes each notice once, however often the daily scan runs.
 */
@Entity('notification')
@Index('uq_notification', ['dedupKey'], { unique: true })
@Index('idx_notification_recipient', ['recipientUnitId', 'createdAt'])
export class Notification {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'dedup_key', type: 'varchar', length: 191 })
  dedupKey!: string;

  @Column({ name: 'recipient_unit_id', ...refColumn })
  recipientUnitId!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  /** UNIT_PLAN_DUE, UNIT_REPORT_DUE, SELF_ASSESSMENT_DUE, DOSSIER_DUE. */
  @Column({ type: 'varchar', length: 32 })
  deadline!: string;

  @Column({ name: 'due_date', ...dateColumn })
  dueDate!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: NotificationKind;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @Column({ name: 'read_at', ...timestampColumn, nullable: true })
  readAt!: Date | null;

  /** Set when the notice went out in a daily digest e-mail. */
  @Column({ name: 'digest_id', ...refColumn, nullable: true })
  digestId!: string | null;
}

/** One digest e-mail per recipient and day, whatever the number of notices. */
@Entity('digest')
@Index('uq_digest', ['recipientUnitId', 'day'], { unique: true })
export class Digest {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'recipient_unit_id', ...refColumn })
  recipientUnitId!: string;

  @Column({ ...dateColumn })
  day!: string;

  @Column({ type: 'varchar', length: 255 })
  email!: string;

  @Column({ type: 'int' })
  items!: number;

  @Column({ type: 'varchar', length: 8 })
  status!: 'PENDING' | 'SENDING' | 'SENT';

  /** When a scan took it for sending (a claim older than ten minutes is released). */
  @Column({ name: 'claimed_at', ...timestampColumn, nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'sent_at', ...timestampColumn, nullable: true })
  sentAt!: Date | null;
}
