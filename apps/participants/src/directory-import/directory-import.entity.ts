import { idColumn, timestampColumn, refColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export type DirectoryImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/**
 * Nội vụ's bulk import of the unit directory (units, people, registrations) from one workbook, run as a background job.
 * All or nothing for the workbook: one bad row and nothing changes; rows already recorded (same code) are recognised.
 */
@Entity('directory_import')
@Index('idx_directory_import_created', ['createdAt'])
export class DirectoryImport {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  /** The uploaded bytes in participants' own store (content-addressed). */
  @Column({ name: 'file_sha256', type: 'varchar', length: 64 })
  fileSha256!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DirectoryImportStatus;

  /** 0–100. */
  @Column({ type: 'int' })
  progress!: number;

  @Column({ name: 'units_total', type: 'int' })
  unitsTotal!: number;

  @Column({ name: 'units_created', type: 'int' })
  unitsCreated!: number;

  @Column({ name: 'units_existing', type: 'int' })
  unitsExisting!: number;

  @Column({ name: 'people_total', type: 'int' })
  peopleTotal!: number;

  @Column({ name: 'people_created', type: 'int' })
  peopleCreated!: number;

  @Column({ name: 'people_existing', type: 'int' })
  peopleExisting!: number;

  @Column({ name: 'registrations_total', type: 'int' })
  registrationsTotal!: number;

  @Column({ name: 'registrations_created', type: 'int' })
  registrationsCreated!: number;

  @Column({ name: 'registrations_existing', type: 'int' })
  registrationsExisting!: number;

  @Column({ name: 'error_count', type: 'int' })
  errorCount!: number;

  /** Why the whole import failed (a system error; a wrong row is reported as an error, not here). */
  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  /** Who started it: the audit rows of its writes are theirs, and their roles decide what it may write. */
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

/** One problem of a directory import: sheet, row, column, a stable code and a Vietnamese message. */
@Entity('directory_import_error')
@Index('idx_directory_import_error', ['importId', 'seq'])
export class DirectoryImportError {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'import_id', ...refColumn })
  importId!: string;

  /** Order of the list: by sheet, then row. */
  @Column({ type: 'int' })
  seq!: number;

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
