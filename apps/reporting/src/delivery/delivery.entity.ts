import { idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeliveryChannel = 'HTTP' | 'EMAIL';
export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED';

/**
 * Sending a finished run's documents to the province over one channel. Written in the same transaction that
 * finishes the run (an outbox), sent by a job; one per (run, channel), and marked SENT once.
 */
@Entity('delivery')
@Index('uq_delivery', ['runId', 'channel'], { unique: true })
export class Delivery {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'run_id', ...refColumn })
  runId!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: DeliveryChannel;

  /** The endpoint URL or the e-mail address. */
  @Column({ type: 'varchar', length: 500 })
  target!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', ...timestampColumn, nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;
}

/** Every try of a delivery, successful or not, with what the other side answered. */
@Entity('delivery_attempt')
@Index('idx_delivery_attempt', ['deliveryId', 'at'])
export class DeliveryAttempt {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'delivery_id', ...refColumn })
  deliveryId!: string;

  @Column({ ...timestampColumn })
  at!: Date;

  @Column({ type: 'boolean' })
  ok!: boolean;

  /** HTTP status and body start, the SMTP answer, or the error. */
  @Column({ type: 'text' })
  detail!: string;
}
