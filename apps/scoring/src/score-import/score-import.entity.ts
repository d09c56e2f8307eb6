import { idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export const SCORE_IMPORT_KINDS = ['SELF_ASSESSMENT', 'VERIFIED'] as const;
export type ScoreImportKind = (typeof SCORE_IMPORT_KINDS)[number];
export type ScoreImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/**
 * The lead agency's bulk import of every unit's scores for a campaign's year (R24), run as a background job.
 * All or nothing per unit: a unit with any bad row changes nothing, the others go in.
 */
@Entity('score_import')
@Index('idx_score_import_campaign', ['campaignId', 'year'])
export class ScoreImport {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: ScoreImportKind;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  /** The uploaded bytes in scoring's own store (content-addressed). */
  @Column({ name: 'file_sha256', type: 'varchar', length: 64 })
  fileSha256!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ScoreImportStatus;

  /** 0–100. */
  @Column({ type: 'int' })
  progress!: number;

  @Column({ name: 'units_total', type: 'int' })
  unitsTotal!: number;

  @Column({ name: 'units_imported', type: 'int' })
  unitsImported!: number;

  @Column({ name: 'units_rejected', type: 'int' })
  unitsRejected!: number;

  @Column({ name: 'rows_total', type: 'int' })
  rowsTotal!: number;

  @Column({ name: 'rows_imported', type: 'int' })
  rowsImported!: number;

  @Column({ name: 'error_count', type: 'int' })
  errorCount!: number;

  /** Why the whole import failed (a broken file is reported as errors, not here). */
  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  /** Who started it: the audit rows of its writes are theirs. */
  @Column({ name: 'actor_id', type: 'varchar', length: 191 })
  actorId!: string;

  @Column({ name: 'actor_roles', type: 'varchar', length: 191 })
  actorRoles!: string;

  @Column({ name: 'actor_unit_id', ...refColumn, nullable: true })
  actorUnitId!: string | null;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @Column({ name: 'finished_at', ...timestampColumn, nullable: true })
  finishedAt!: Date | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/** One problem of a bulk import, in Vietnamese, with a stable code; unit is null for a problem of the whole file. */
@Entity('score_import_error')
@Index('idx_score_import_error', ['importId', 'seq'])
export class ScoreImportError {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'import_id', ...refColumn })
  importId!: string;

  /** Order of the list: by unit, then sheet and row. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ name: 'unit_id', ...refColumn, nullable: true })
  unitId!: string | null;

  @Column({ name: 'unit_name', type: 'varchar', length: 255, nullable: true })
  unitName!: string | null;

  @Column({ type: 'varchar', length: 191, nullable: true })
  sheet!: string | null;

  @Column({ type: 'int', nullable: true })
  row!: number | null;

  @Column({ name: 'column_name', type: 'varchar', length: 64, nullable: true })
  column!: string | null;

  @Column({ type: 'varchar', length: 48 })
  code!: string;

  @Column({ type: 'text' })
  message!: string;
}
