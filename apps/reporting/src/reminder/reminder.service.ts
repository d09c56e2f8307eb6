import { randomUUID } from 'node:crypto';
import type { GraphClient } from '@thidua/graph-client';
import { formatVietnameseDate, isUniqueViolation, recordAudit, type Database } from '@thidua/platform';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { In, IsNull } from 'typeorm';
import type { DeliverySettings } from '../config';
import { CampaignDeadlinesDocument, PublishedCampaignsDocument, UnitEmailsDocument, type PublishedCampaignsQuery, type UnitEmailsQuery } from '../generated/graph';
import { UnitReport } from '../unit-report/unit-report.entity';
import { Digest, Notification } from './reminder.entity';
import { noticesFor, type OpenDeadline } from './reminder.rules';

/** A published campaign, as the graph gives it. */
type WatchedCampaign = PublishedCampaignsQuery['campaigns'][number];

/**
 * Reminders (R18): each day, for every published campaign, the deadlines near or just past (unit plans, unit
 * reports, self-assessments, dossiers) and the units that have not delivered; notices once each, then one digest
 * e-mail per recipient.
 */
export class ReminderService {
  constructor(
    private readonly db: Database,
    private readonly graph: GraphClient,
    private readonly email: DeliverySettings['email'],
    private readonly reminderDays: number[],
    private readonly logger: Logger | null = null,
  ) {}

  async ofUnits(unitIds: readonly string[]): Promise<Notification[]> {
    return unitIds.length ? this.db.manager.find(Notification, { where: { recipientUnitId: In([...unitIds]) }, order: { createdAt: 'DESC' } }) : [];
  }

  async byIds(ids: readonly string[]): Promise<Notification[]> {
    return ids.length ? this.db.manager.find(Notification, { where: { id: In([...ids]) } }) : [];
  }

  /** Mark notices read (those not read yet), audited with the change in one transaction. */
  async markRead(ids: string[]): Promise<Notification[]> {
    await this.db.transaction(async (m) => {
      const unread = await m.find(Notification, { where: { id: In(ids), readAt: IsNull() } });
      if (!unread.length) return;
      const readAt = new Date();
      await m.update(Notification, { id: In(unread.map((n) => n.id)), readAt: IsNull() }, { readAt });
      await recordAudit(m, ...unread.map((n) => ({ entityType: 'Notification', entityId: n.id, action: 'read', before: n, after: { ...n, readAt } })));
    });
    return this.byIds(ids);
  }

  /** The open deadlines of a campaign in a year, each with the units that have not delivered. */
  private async deadlines(c: WatchedCampaign, year: number, asOf: string): Promise<OpenDeadline[]> {
    const f = await this.graph.query(CampaignDeadlinesDocument, { campaignId: c.id, year, asOf });
    if (!f.campaign) return [];
    // The lead agency in force on the scan's day; none (ended without a recorded successor): no escalation is addressed.
    const base = { campaignId: c.id, campaignName: c.name, leadAgencyId: c.leadAgency.active ? c.leadAgency.id : null };
    const due = (kind: string) => f.campaign?.milestones.filter((m) => m.kind === kind && m.dueDateIn).map((m) => m.dueDateIn as string) ?? [];
    const out: OpenDeadline[] = [];
    for (const d of due('UNIT_PLAN_DUE')) out.push({ ...base, deadline: 'UNIT_PLAN_DUE', dueDate: d, missing: f.campaign.unitPlanCoverage.find((p) => p.kind === null)?.missing ?? [] });
    const reports = await this.db.manager.find(UnitReport, { where: { campaignId: c.id, year, status: 'SUBMITTED' } });
    const reported = new Set(reports.map((r) => r.unitId));
    for (const d of due('UNIT_REPORT_DUE')) out.push({ ...base, deadline: 'UNIT_REPORT_DUE', dueDate: d, missing: f.campaign.expectedUnits.filter((u) => !reported.has(u.id)) });
    const assessed = new Set(f.assessments.filter((a) => a.status !== 'SELF_ASSESSING').map((a) => a.unit.id));
    for (const p of (f.campaign.scoringPeriods ?? []).filter((s) => s.year === year)) {
      // A unit is asked to self-assess only when an index exists for its kind that year (an enterprise, or a ward in
      // a year its campaign has no ward index, is not).
      const indexed = new Set<string>(p.frameworks.map((x) => x.unitKind));
      const missing = f.campaign.expectedUnits.filter((u) => indexed.has(u.kind) && !assessed.has(u.id));
      out.push({ ...base, deadline: 'SELF_ASSESSMENT_DUE', dueDate: p.selfAssessmentCloses, missing });
    }
    const unfinished = new Map(f.nominations.filter((n) => (n.status === 'DRAFT' || n.status === 'RETURNED') && n.occasion.year === year).map((n) => [n.proposingUnit.id, n.proposingUnit]));
    for (const d of due('DOSSIER_DUE')) out.push({ ...base, deadline: 'DOSSIER_DUE', dueDate: d, missing: [...unfinished.values()] });
    return out;
  }

  /** The day's scan (idempotent): notices owed today, then the digests. */
  async run(today: string): Promise<{ created: number; digests: number }> {
    const { campaigns } = await this.graph.query(PublishedCampaignsDocument, { today });
    let created = 0;
    const year = Number(today.slice(0, 4));
    for (const c of campaigns) {
      // This year's deadlines, and last year's still within the overdue window.
      for (const y of [year - 1, year]) {
        if (y < Number(c.startDate.slice(0, 4)) || y > Number(c.endDate.slice(0, 4))) continue;
        const asOf = [c.startDate, today, c.endDate].sort()[1] as string;
        for (const d of await this.deadlines(c, y, asOf)) {
          for (const n of noticesFor(today, d, this.reminderDays)) {
            try {
              await this.db.transaction(async (m) => {
                const row = m.create(Notification, { id: randomUUID(), ...n, createdAt: new Date(), readAt: null, digestId: null });
                await m.save(row);
                await recordAudit(m, { entityType: 'Notification', entityId: row.id, action: 'create', after: row });
              });
              created++;
            } catch (err) {
              if (!isUniqueViolation(err)) throw err;
            }
          }
        }
      }
    }
    return { created, digests: await this.digest(today) };
  }

  /**
   * One e-mail per recipient and day with every notice not yet mailed. The digest row is written first with its
   * notices (once per recipient and day); each digest is claimed before sending (so two scans cannot both send it)
   * and sent on its own (one refused address does not hold the others back). A claim left by a crash is released
   * after ten minutes; the resend keeps the Message-ID.
   */
  async digest(today: string): Promise<number> {
    const email = this.email;
    if (!email) return 0;
    const waiting = await this.db.manager.find(Notification, { where: { digestId: IsNull() }, order: { createdAt: 'ASC' } });
    const recipients = [...new Set(waiting.map((n) => n.recipientUnitId))];
    const units: Array<UnitEmailsQuery['orgUnits']['edges'][number]['node']> = [];
    for (let i = 0; i < recipients.length; i += 500) {
      const ids = recipients.slice(i, i + 500);
      const page = await this.graph.query(UnitEmailsDocument, { ids, n: ids.length });
      units.push(...page.orgUnits.edges.map((e) => e.node));
    }
    for (const u of units) {
      if (!u.email) continue;
      try {
        await this.db.transaction(async (m) => {
          const items = waiting.filter((n) => n.recipientUnitId === u.id);
          const digest = m.create(Digest, { id: randomUUID(), recipientUnitId: u.id, day: today, email: u.email as string, items: items.length, status: 'PENDING', sentAt: null, claimedAt: null });
          await m.save(digest);
          await m.update(Notification, { id: In(items.map((n) => n.id)) }, { digestId: digest.id });
          await recordAudit(m, { entityType: 'Digest', entityId: digest.id, action: 'create', after: { ...digest, notificationIds: items.map((n) => n.id) } });
        });
      } catch (err) {
        // Today's digest for this recipient exists: later notices wait for tomorrow's.
        if (!isUniqueViolation(err)) throw err;
      }
    }
    const stale = new Date(Date.now() - 10 * 60_000);
    await this.db.manager.createQueryBuilder().update(Digest).set({ status: 'PENDING', claimedAt: null }).where('status = :s AND claimed_at < :t', { s: 'SENDING', t: stale }).execute();
    let sent = 0;
    for (const d of await this.db.manager.find(Digest, { where: { status: 'PENDING' } })) {
      const claim = await this.db.manager.createQueryBuilder().update(Digest).set({ status: 'SENDING', claimedAt: new Date() }).where('id = :id AND status = :s', { id: d.id, s: 'PENDING' }).execute();
      if (!claim.affected) continue;
      const items = await this.db.manager.find(Notification, { where: { digestId: d.id }, order: { createdAt: 'ASC' } });
      const transport = nodemailer.createTransport(email.smtpUrl);
      try {
        await transport.sendMail({
          from: email.from,
          to: d.email,
          subject: `[Thi đua chuyển đổi số] Nhắc việc ngày ${formatVietnameseDate(d.day)} (${items.length} việc)`,
          text: `Kính gửi đơn vị,\n\n${items.map((n, i) => `${i + 1}. ${n.text}`).join('\n')}\n\nHệ thống thi đua chuyển đổi số.`,
          messageId: `<digest-${d.id}@thidua>`,
        });
        await this.db.transaction(async (m) => {
          const sentAt = new Date();
          await m.update(Digest, { id: d.id }, { status: 'SENT', sentAt });
          await recordAudit(m, { entityType: 'Digest', entityId: d.id, action: 'sent', before: d, after: { ...d, status: 'SENT', sentAt } });
        });
        sent++;
      } catch (err) {
        await this.db.manager.update(Digest, { id: d.id }, { status: 'PENDING', claimedAt: null });
        this.logger?.warn({ err, digestId: d.id, to: d.email }, 'digest not sent; it will be tried again');
      } finally {
        transport.close();
      }
    }
    return sent;
  }
}
