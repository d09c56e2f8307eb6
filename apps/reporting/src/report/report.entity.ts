import { idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export const REPORT_KINDS = ['UNIT_ROLLUP', 'CITY_SUMMARY', 'PROVINCE_REPORT', 'INTERIM_REVIEW', 'FINAL_REVIEW'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * A report the lead agency files (R16): a GraphQL operation over the federated graph (run with a service token
 * through the gateway) and the template that lays its answer out as a document.
 */
@Entity('report_definition')
export class ReportDefinition {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  code!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: ReportKind;

  /** The GraphQL operation; variables $campaignId: ID!, $year: Int!, $asOf: Date! are supplied. */
  @Column({ type: 'text' })
  operation!: string;

  /** The template that renders the answer (see report.templates.ts). */
  @Column({ type: 'varchar', length: 64 })
  template!: string;

  /** "Kính gửi" line: "Ủy ban nhân dân thành phố Buôn Ma Thuột". */
  @Column({ type: 'varchar', length: 255 })
  recipient!: string;

  /** Deliver finished runs to the province (HTTP and e-mail as configured). */
  @Column({ name: 'deliver_to_province', type: 'boolean', default: false })
  deliverToProvince!: boolean;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/** When a definition runs by itself: a cron pattern in a time zone, made a BullMQ job scheduler. */
@Entity('report_schedule')
export class ReportSchedule {
  @PrimaryColumn(idColumn)
  id!: string;

  /** One schedule per definition. */
  @Column({ name: 'definition_id', ...refColumn, unique: true })
  definitionId!: string;

  @Column({ type: 'varchar', length: 64 })
  pattern!: string;

  @Column({ type: 'varchar', length: 64 })
  tz!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @VersionColumn({ type: 'int' })
  version!: number;
}

export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * One run of a definition for one period and one choice of units (R25: as they were, or rolled up to the units in
 * force on a date): there is at most one, however often it is triggered.
 */
@Entity('report_run')
@Index('uq_report_run', ['definitionId', 'period', 'rolledUpTo'], { unique: true })
export class ReportRun {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'definition_id', ...refColumn })
  definitionId!: string;

  /** The period reported on: the year, "2024". */
  @Column({ type: 'varchar', length: 16 })
  period!: string;

  /** Empty: the units as they were in the period; a date (YYYY-MM-DD): rolled up to the units in force on it. */
  @Column({ name: 'rolled_up_to', type: 'varchar', length: 10, default: '' })
  rolledUpTo!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RunStatus;

  @Column({ type: 'int', default: 0 })
  progress!: number;

  /** SCHEDULE or MANUAL, and who asked. */
  @Column({ type: 'varchar', length: 16 })
  trigger!: string;

  @Column({ name: 'requested_by', type: 'varchar', length: 191 })
  requestedBy!: string;

  /** How many times the run was (re)started by a request; part of its job id. */
  @Column({ type: 'int', default: 1 })
  generation!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @Column({ name: 'started_at', ...timestampColumn, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', ...timestampColumn, nullable: true })
  finishedAt!: Date | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/** A rendered document of a run (XLSX or DOCX); the bytes are in the content-addressed store. */
@Entity('report_document')
@Index('uq_report_document', ['runId', 'format'], { unique: true })
export class ReportDocument {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'run_id', ...refColumn })
  runId!: string;

  @Column({ type: 'varchar', length: 8 })
  format!: 'XLSX' | 'DOCX';

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 127 })
  mimeType!: string;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;
}
