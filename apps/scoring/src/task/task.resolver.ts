import { requireCampaignAgency } from '@thidua/graph-client';
import { canReadUnit, entityId, hasRole, isoDate, platformError, todayInVietnam, requireRole, requireUnitWriter, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import type { Resolvers } from '../generated/resolvers';
import { taskError } from './task.errors';
import { completedOnTime, overdue, taskCompletion } from './task.rules';
import { canReadTask } from '../resolver-helpers';

/** Assigned tasks (R10): the tasks, their progress and completion, assigning and reporting. */
export const taskResolvers: Resolvers = {
  Query: {
    assignedTasks: async (_, args, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      const a = validate(z.object({ campaignId: entityId.nullish(), unitId: entityId.nullish(), year: z.number().int().nullish() }), args);
      return (await ctx.services.tasks.list(a)).filter((t) => canReadTask(ctx.viewer, t));
    },
  },
  OrgUnit: {
    assignedTasks: async (u, args, ctx) =>
      (await ctx.loaders.ownerTasks.load(u.id)).filter((t) => (!args.year || t.dueDate.startsWith(`${args.year}-`)) && canReadTask(ctx.viewer, t)),
    taskCompletion: async (u, args, ctx) => {
      if (!canReadUnit(ctx.viewer, u.id)) return null;
      return taskCompletion(await ctx.loaders.ownerTasks.load(u.id), args.year);
    },
  },
  AssignedTask: {
    __resolveReference: async (ref, ctx) => {
      const t = await ctx.loaders.task.load(ref.id);
      return t && canReadTask(ctx.viewer, t) ? t : null;
    },
    campaign: (t) => (t.campaignId ? { id: t.campaignId } : null),
    owner: (t) => ({ id: t.ownerUnitId }),
    cooperatingUnits: (t) => t.cooperatingUnitIds.map((id) => ({ id })),
    completedOnTime: (t) => completedOnTime(t),
    overdue: (t) => overdue(t, todayInVietnam()),
    progress: (t, _, ctx) => ctx.loaders.taskProgress.load(t.id),
  },
  Mutation: {
    assignTask: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(
        z.object({
          input: z.object({
            campaignId: entityId.nullish(),
            planNumber: vnText(64),
            planTitle: vnText(500, 0).nullish(),
            code: vnText(32, 0).nullish(),
            title: vnText(1000),
            dueDate: isoDate,
            ownerUnitId: entityId,
            cooperatingUnitIds: z.array(entityId).max(100).nullish(),
          }),
        }),
        args,
      );
      if (a.input.campaignId) await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, a.input.campaignId);
      return ctx.services.tasks.assign(a.input);
    },
    reportTaskProgress: async (_, args, ctx) => {
      const a = validate(
        z.object({
          taskId: entityId,
          expectedVersion: z.number().int(),
          percent: z.number().int(),
          reportedOn: isoDate.nullish(),
          note: vnText(2000, 0).nullish(),
          evidenceFileIds: z.array(entityId).max(50).nullish(),
        }),
        args,
      );
      const task = await ctx.loaders.task.load(a.taskId);
      if (!task) throw platformError('NOT_FOUND', { entity: 'AssignedTask', id: a.taskId });
      requireUnitWriter(ctx.viewer, task.ownerUnitId, 'LEAD_AGENCY');
      const today = todayInVietnam();
      if (a.reportedOn && a.reportedOn !== today && !hasRole(ctx.viewer, 'ADMIN', 'LEAD_AGENCY')) {
        throw taskError('TASK_REPORT_DATE_FORBIDDEN');
      }
      return ctx.services.tasks.report(a.taskId, a.expectedVersion, { percent: a.percent, reportedOn: a.reportedOn ?? today, note: a.note, evidenceFileIds: a.evidenceFileIds }, ctx.viewer.userId ?? 'unknown');
    },
  },
};
