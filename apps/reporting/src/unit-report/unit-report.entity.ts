import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export const REPORT_FIELD_TYPES = ['NUMBER', 'PERCENT', 'TEXT', 'BOOLEAN'] as const;
export type ReportFieldType = (typeof REPORT_FIELD_TYPES)[number];

export interface ReportField {
  code: string;
  label: string;
  type: ReportFieldType;
  required: boolean;
  unit: string | null;
}

/** The structured fields a campaign asks every unit to report each year (R15). */
@Entity('unit_report_template')
export class UnitReportTemplate {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn, unique: true })
  campaignId!: string;

  @Column({ type: 'simple-json' })
  fields!: ReportField[];

  @Column({ name: 'source_clause', type: 'varchar', length: 64, nullable: true })
  sourceClause!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}

export type UnitReportStatus = 'DRAFT' | 'SUBMITTED';
export type ReportValues = Record<string, number | string | boolean | null>;

/** A unit's yearly report to the lead agency: accepted after the deadline too, marked late, never lost. */
@Entity('unit_report')
@Index('uq_unit_report', ['campaignId', 'year', 'unitId'], { unique: true })
@Index('idx_unit_report_unit', ['unitId'])
export class UnitReport {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'unit_id', ...refColumn })
  unitId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: UnitReportStatus;

  @Column({ type: 'simple-json' })
  values!: ReportValues;

  @Column({ name: 'attachment_ids', type: 'simple-json' })
  attachmentIds!: string[];

  /** The year's deadline, fixed when the report is submitted. */
  @Column({ ...dateColumn, nullable: true })
  deadline!: string | null;

  @Column({ name: 'submitted_at', ...timestampColumn, nullable: true })
  submittedAt!: Date | null;

  /** The day it was submitted in Vietnam (UTC+7): what "on time" is judged by. */
  @Column({ name: 'submitted_on', ...dateColumn, nullable: true })
  submittedOn!: string | null;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @VersionColumn({ type: 'int' })
  version!: number;
}
