import { canReadUnit, entityId, hasRole, isoDate, platformError, requireRole, todayInVietnam, validate } from '@thidua/platform';
import { z } from 'zod';
import type { Resolvers } from '../generated/resolvers';

export const reminderResolvers: Resolvers = {
  OrgUnit: {
    notifications: async (u, args, ctx) => {
      if (!canReadUnit(ctx.viewer, u.id)) return [];
      return (await ctx.loaders.notifications.load(u.id)).filter((n) => !args.unreadOnly || !n.readAt);
    },
  },
  Notification: {
    campaign: (n) => ({ id: n.campaignId }),
    mailed: (n) => n.digestId !== null,
  },
  Mutation: {
    markNotificationsRead: async (_, args, ctx) => {
      const ids = validate(z.array(entityId).min(1).max(500), args.ids);
      const rows = await ctx.services.reminders.byIds(ids);
      // Each unit marks its own notices (an administrator any).
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      for (const n of rows) if (!hasRole(ctx.viewer, 'ADMIN') && ctx.viewer.orgUnitId !== n.recipientUnitId) throw platformError('FORBIDDEN_OTHER_UNIT', { unitId: n.recipientUnitId });
      return ctx.services.reminders.markRead(rows.map((n) => n.id));
    },
    runReminders: (_, args, ctx) => {
      // No jurisdiction check (R26): the scan spans every published campaign and writes, idempotently, only what
      // the day's scheduled scan writes (another day's scan is an administrator's).
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const date = validate(isoDate.nullish(), args.date);
      // Only an administrator runs another day's scan (a missed day, a rehearsal).
      if (date && date !== todayInVietnam()) requireRole(ctx.viewer);
      return ctx.services.reminders.run(date ?? todayInVietnam());
    },
  },
};
