import { randomUUID } from 'node:crypto';
import { recordAudit, updateVersioned, type Database } from '@thidua/platform';
import { In } from 'typeorm';
import { AssignedTask, TaskProgress } from './task.entity';
import { taskError } from './task.errors';
import { completionAfterReport } from './task.rules';

export interface TaskFields {
  campaignId?: string | null;
  planNumber: string;
  planTitle?: string | null;
  code?: string | null;
  title: string;
  dueDate: string;
  ownerUnitId: string;
  cooperatingUnitIds?: string[] | null;
}

/** Tasks assigned by plans and their progress (R10). */
export class TaskService {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<AssignedTask[]> {
    return ids.length ? this.db.manager.find(AssignedTask, { where: { id: In([...ids]) } }) : [];
  }

  async ofOwners(unitIds: readonly string[]): Promise<AssignedTask[]> {
    return unitIds.length ? this.db.manager.find(AssignedTask, { where: { ownerUnitId: In([...unitIds]) }, order: { dueDate: 'ASC' } }) : [];
  }

  async list(filter: { campaignId?: string | null; unitId?: string | null; year?: number | null }): Promise<AssignedTask[]> {
    const qb = this.db.manager.createQueryBuilder(AssignedTask, 't').where('1 = 1');
    if (filter.campaignId) qb.andWhere('t.campaign_id = :c', { c: filter.campaignId });
    if (filter.unitId) qb.andWhere('t.owner_unit_id = :u', { u: filter.unitId });
    if (filter.year) qb.andWhere('t.due_date >= :from AND t.due_date <= :to', { from: `${filter.year}-01-01`, to: `${filter.year}-12-31` });
    return qb.orderBy('t.due_date', 'ASC').getMany();
  }

  async progressOf(taskIds: readonly string[]): Promise<TaskProgress[]> {
    return taskIds.length ? this.db.manager.find(TaskProgress, { where: { taskId: In([...taskIds]) }, order: { reportedOn: 'ASC' } }) : [];
  }

  async assign(input: TaskFields): Promise<AssignedTask> {
    return this.db.transaction(async (m) => {
      const t = m.create(AssignedTask, {
        id: randomUUID(),
        campaignId: input.campaignId ?? null,
        planNumber: input.planNumber,
        planTitle: input.planTitle ?? null,
        code: input.code ?? null,
        title: input.title,
        dueDate: input.dueDate,
        ownerUnitId: input.ownerUnitId,
        cooperatingUnitIds: input.cooperatingUnitIds ?? [],
        percent: 0,
        completedOn: null,
        createdAt: new Date(),
      });
      await m.save(t);
      await recordAudit(m, { entityType: 'AssignedTask', entityId: t.id, action: 'assign', after: t });
      return t;
    });
  }

  /** Record progress; the first report at 100% fixes the completion date. Progress never goes back. */
  async report(taskId: string, expectedVersion: number, p: { percent: number; reportedOn: string; note?: string | null; evidenceFileIds?: string[] | null }, reporter: string): Promise<AssignedTask> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(AssignedTask, { where: { id: taskId } });
      if (!before) throw taskError('TASK_NOT_FOUND', { taskId });
      if (p.percent < 0 || p.percent > 100 || p.percent < before.percent) throw taskError('TASK_PROGRESS_INVALID', { percent: p.percent, previous: before.percent });
      const after = await updateVersioned(
        m,
        AssignedTask,
        taskId,
        expectedVersion,
        { percent: p.percent, completedOn: completionAfterReport(before.completedOn, p.percent, p.reportedOn) },
        taskError('TASK_NOT_FOUND', { taskId }),
      );
      const row = m.create(TaskProgress, {
        id: randomUUID(),
        taskId,
        reportedOn: p.reportedOn,
        percent: p.percent,
        note: p.note ?? null,
        evidenceFileIds: p.evidenceFileIds ?? [],
        reportedBy: reporter,
      });
      await m.save(row);
      await recordAudit(m, { entityType: 'AssignedTask', entityId: taskId, action: 'progress', before, after: { ...after, report: row } });
      return after;
    });
  }
}
