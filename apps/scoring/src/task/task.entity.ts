import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

/** A task a plan assigns to a unit (R10: BMT tasks of KH 193/KH-UBND, ĐN tasks of QĐ 2870/QĐ-UBND). */
@Entity('assigned_task')
@Index('idx_task_owner', ['ownerUnitId', 'dueDate'])
@Index('idx_task_campaign', ['campaignId'])
export class AssignedTask {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn, nullable: true })
  campaignId!: string | null;

  /** Số, ký hiệu of the plan that assigns it, e.g. 193/KH-UBND. */
  @Column({ name: 'plan_number', type: 'varchar', length: 64 })
  planNumber!: string;

  @Column({ name: 'plan_title', type: 'varchar', length: 500, nullable: true })
  planTitle!: string | null;

  /** The task's number in the plan, e.g. II.3.a. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  code!: string | null;

  @Column({ type: 'varchar', length: 1000 })
  title!: string;

  @Column({ name: 'due_date', ...dateColumn })
  dueDate!: string;

  @Column({ name: 'owner_unit_id', ...refColumn })
  ownerUnitId!: string;

  @Column({ name: 'cooperating_unit_ids', type: 'simple-json' })
  cooperatingUnitIds!: string[];

  /** Latest reported progress, 0–100. */
  @Column({ type: 'int', default: 0 })
  percent!: number;

  /** The day progress first reached 100%. */
  @Column({ name: 'completed_on', ...dateColumn, nullable: true })
  completedOn!: string | null;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/** One progress report on a task, with its evidence. */
@Entity('task_progress')
@Index('idx_progress_task', ['taskId'])
export class TaskProgress {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'task_id', ...refColumn })
  taskId!: string;

  @Column({ name: 'reported_on', ...dateColumn })
  reportedOn!: string;

  @Column({ type: 'int' })
  percent!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'evidence_file_ids', type: 'simple-json' })
  evidenceFileIds!: string[];

  @Column({ name: 'reported_by', type: 'varchar', length: 191 })
  reportedBy!: string;
}
