import { idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A report a city sent to this deployment (the province): received over POST /inbox/reports, its signature verified
 * with the sender's shared secret. One per (sender, delivery id): a retried delivery is stored once.
 */
@Entity('received_report')
@Index('uq_received_report', ['senderCode', 'deliveryId'], { unique: true })
@Index('idx_received_report_at', ['receivedAt'])
export class ReceivedReport {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'sender_code', type: 'varchar', length: 64 })
  senderCode!: string;

  /** The sender's name as configured when the report arrived. */
  @Column({ name: 'sender_name', type: 'varchar', length: 255 })
  senderName!: string;

  /** The sender's delivery id, also its idempotency key. */
  @Column({ name: 'delivery_id', type: 'varchar', length: 128 })
  deliveryId!: string;

  @Column({ name: 'report_code', type: 'varchar', length: 64 })
  reportCode!: string;

  @Column({ name: 'report_name', type: 'varchar', length: 500 })
  reportName!: string;

  @Column({ name: 'report_kind', type: 'varchar', length: 32 })
  reportKind!: string;

  @Column({ type: 'varchar', length: 32 })
  period!: string;

  @Column({ type: 'varchar', length: 255 })
  recipient!: string;

  @Column({ name: 'received_at', ...timestampColumn })
  receivedAt!: Date;

  @Column({ name: 'signature_verified', type: 'boolean' })
  signatureVerified!: boolean;

  /** The x-thidua-signature header as it came. */
  @Column({ type: 'varchar', length: 100 })
  signature!: string;

  /** The x-thidua-timestamp header (Unix seconds) the signature covers. */
  @Column({ name: 'signed_at', type: 'varchar', length: 20 })
  signedAt!: string;
}

/** A file of a received report: its bytes in the report file store (by SHA-256), like a run's documents. */
@Entity('received_document')
@Index('idx_received_document', ['receivedId'])
export class ReceivedDocument {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'received_id', ...refColumn })
  receivedId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 127 })
  mimeType!: string;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'int' })
  size!: number;
}
