import { randomUUID } from 'node:crypto';
import { type Database, formatVietnameseDate, LegalDocumentValue, recordAudit, updateVersioned } from '@thidua/platform';
import { In, type EntityManager } from 'typeorm';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { orgUnitError } from '../org-unit/org-unit.errors';
import {
  Campaign,
  CampaignPhase,
  Milestone,
  type CampaignStatus,
  type ContentAreaValue,
  type MilestoneKind,
  type PrioritySectorValue,
  type Recurrence,
} from './campaign.entity';
import { campaignError } from './campaign.errors';
import { withinCampaign } from './campaign.rules';
import type { OrgUnitKind } from '../org-unit/org-unit.entity';

export interface CampaignFields {
  /** Given by presets (presetId) so other services can refer to the campaign; random otherwise. */
  id?: string;
  code: string;
  name: string;
  issuerTitle: string;
  issuerId?: string | null;
  document?: LegalDocumentValue | null;
  legalBasis?: LegalDocumentValue[] | null;
  jurisdictionId: string;
  startDate: string;
  endDate: string;
  contentAreas?: ContentAreaValue[] | null;
  prioritySectors?: PrioritySectorValue[] | null;
  leadAgencyId: string;
  appraisingAgencyId: string;
  expectedUnitKinds: OrgUnitKind[];
}

export interface MilestoneFields {
  kind: MilestoneKind;
  title: string;
  startDate?: string | null;
  dueDate: string;
  recurrence?: Recurrence | null;
  phaseId?: string | null;
  sourceClause?: string | null;
  recipientId?: string | null;
}

export interface PhaseFields {
  name: string;
  startDate: string;
  endDate: string;
}

/** The stored columns of a milestone from its input. */
function milestoneColumns(input: MilestoneFields): Omit<Milestone, 'id' | 'campaignId' | 'version'> {
  return {
    phaseId: input.phaseId ?? null,
    kind: input.kind,
    title: input.title,
    startDate: input.startDate ?? null,
    dueDate: input.dueDate,
    recurrence: input.recurrence ?? 'ONCE',
    sourceClause: input.sourceClause ?? null,
    recipientId: input.recipientId ?? null,
  };
}

/** Campaigns, their phases and milestones (R1). */
export class CampaignService {
  constructor(private readonly db: Database) {}

  async list(statuses: CampaignStatus[] | null): Promise<Campaign[]> {
    return this.db.manager.find(Campaign, {
      where: statuses ? { status: In(statuses) } : {},
      order: { startDate: 'ASC', code: 'ASC' },
    });
  }

  async byIds(ids: readonly string[]): Promise<Campaign[]> {
    if (!ids.length) return [];
    return this.db.manager.find(Campaign, { where: { id: In([...ids]) } });
  }

  async byCode(code: string): Promise<Campaign | null> {
    return this.db.manager.findOne(Campaign, { where: { code } });
  }

  async require(m: EntityManager, id: string): Promise<Campaign> {
    const c = await m.findOne(Campaign, { where: { id } });
    if (!c) throw campaignError('CAMPAIGN_NOT_FOUND', { id });
    return c;
  }

  async phasesOf(campaignIds: readonly string[]): Promise<CampaignPhase[]> {
    if (!campaignIds.length) return [];
    return this.db.manager.find(CampaignPhase, { where: { campaignId: In([...campaignIds]) }, order: { ordinal: 'ASC' } });
  }

  async milestonesOf(campaignIds: readonly string[]): Promise<Milestone[]> {
    if (!campaignIds.length) return [];
    return this.db.manager.find(Milestone, { where: { campaignId: In([...campaignIds]) }, order: { dueDate: 'ASC', title: 'ASC' } });
  }

  async phasesByIds(ids: readonly string[]): Promise<CampaignPhase[]> {
    if (!ids.length) return [];
    return this.db.manager.find(CampaignPhase, { where: { id: In([...ids]) } });
  }

  async milestonesByIds(ids: readonly string[]): Promise<Milestone[]> {
    if (!ids.length) return [];
    return this.db.manager.find(Milestone, { where: { id: In([...ids]) } });
  }

  private async assertUnits(m: EntityManager, ids: Array<string | null | undefined>): Promise<void> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return;
    const found = await m.find(OrgUnit, { where: { id: In(wanted) }, select: { id: true } });
    const missing = wanted.filter((id) => !found.some((u) => u.id === id));
    if (missing.length) throw orgUnitError('ORG_UNIT_NOT_FOUND', { ids: missing });
  }

  private assertDates(startDate: string, endDate: string): void {
    if (endDate <= startDate) throw campaignError('CAMPAIGN_DATES_INVALID', { startDate, endDate });
  }

  async create(input: CampaignFields, status: CampaignStatus = 'DRAFT'): Promise<Campaign> {
    this.assertDates(input.startDate, input.endDate);
    return this.db.transaction(async (m) => {
      if (await m.findOne(Campaign, { where: { code: input.code } })) throw campaignError('CAMPAIGN_CODE_TAKEN', { code: input.code });
      await this.assertUnits(m, [input.issuerId, input.jurisdictionId, input.leadAgencyId, input.appraisingAgencyId]);
      const c = m.create(Campaign, {
        id: input.id ?? randomUUID(),
        code: input.code,
        name: input.name,
        status,
        issuerTitle: input.issuerTitle,
        issuerId: input.issuerId ?? null,
        document: input.document ?? null,
        legalBasis: input.legalBasis ?? [],
        jurisdictionId: input.jurisdictionId,
        startDate: input.startDate,
        endDate: input.endDate,
        contentAreas: input.contentAreas ?? [],
        prioritySectors: input.prioritySectors ?? [],
        leadAgencyId: input.leadAgencyId,
        appraisingAgencyId: input.appraisingAgencyId,
        expectedUnitKinds: input.expectedUnitKinds,
        publishedAt: status === 'PUBLISHED' ? new Date() : null,
      });
      await m.save(c);
      await recordAudit(m, { entityType: 'Campaign', entityId: c.id, action: 'create', after: c });
      return c;
    });
  }

  async update(id: string, expectedVersion: number, patch: Partial<CampaignFields>): Promise<Campaign> {
    return this.db.transaction(async (m) => {
      const before = await this.require(m, id);
      const start = patch.startDate ?? before.startDate;
      const end = patch.endDate ?? before.endDate;
      this.assertDates(start, end);
      await this.assertUnits(m, [patch.leadAgencyId, patch.appraisingAgencyId]);
      if (patch.startDate || patch.endDate) {
        const outside = (await m.find(Milestone, { where: { campaignId: id } })).filter(
          (ms) => !withinCampaign({ startDate: start, endDate: end }, ms.startDate, ms.dueDate),
        );
        if (outside.length) {
          throw campaignError('MILESTONE_OUTSIDE_CAMPAIGN', { milestones: outside.map((x) => x.title) });
        }
      }
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== null));
      const after = await updateVersioned(m, Campaign, id, expectedVersion, clean, campaignError('CAMPAIGN_NOT_FOUND', { id }));
      await recordAudit(m, { entityType: 'Campaign', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  async publish(id: string): Promise<Campaign> {
    return this.db.transaction(async (m) => {
      const before = await this.require(m, id);
      if (before.status === 'PUBLISHED') return before;
      const after = await updateVersioned(m, Campaign, id, before.version, { status: 'PUBLISHED', publishedAt: new Date() }, campaignError('CAMPAIGN_NOT_FOUND'));
      await recordAudit(m, { entityType: 'Campaign', entityId: id, action: 'publish', before, after });
      return after;
    });
  }

  async addPhase(campaignId: string, input: PhaseFields): Promise<CampaignPhase> {
    return this.db.transaction(async (m) => {
      const c = await this.require(m, campaignId);
      if (!withinCampaign(c, input.startDate, input.endDate) || input.endDate <= input.startDate) {
        throw campaignError('PHASE_OUTSIDE_CAMPAIGN', { campaign: `${formatVietnameseDate(c.startDate)} – ${formatVietnameseDate(c.endDate)}` });
      }
      const ordinal = (await m.count(CampaignPhase, { where: { campaignId } })) + 1;
      const p = m.create(CampaignPhase, { id: randomUUID(), campaignId, ordinal, ...input });
      await m.save(p);
      await recordAudit(m, { entityType: 'CampaignPhase', entityId: p.id, action: 'create', after: p });
      return p;
    });
  }

  private async checkMilestone(m: EntityManager, c: Campaign, input: MilestoneFields): Promise<void> {
    const start = input.startDate ?? null;
    if (start && start > input.dueDate) throw campaignError('MILESTONE_DATES_INVALID', { startDate: start, dueDate: input.dueDate });
    if (!withinCampaign(c, start, input.dueDate)) {
      throw campaignError(
        'MILESTONE_OUTSIDE_CAMPAIGN',
        { dueDate: input.dueDate, campaignStart: c.startDate, campaignEnd: c.endDate },
        `Thời hạn ${formatVietnameseDate(input.dueDate)} nằm ngoài thời gian của phong trào (${formatVietnameseDate(c.startDate)} – ${formatVietnameseDate(c.endDate)}).`,
      );
    }
    if (input.phaseId) {
      const phase = await m.findOne(CampaignPhase, { where: { id: input.phaseId } });
      if (!phase || phase.campaignId !== c.id) throw campaignError('PHASE_NOT_FOUND', { phaseId: input.phaseId });
    }
    await this.assertUnits(m, [input.recipientId]);
  }

  async addMilestone(campaignId: string, input: MilestoneFields): Promise<Milestone> {
    return this.db.transaction(async (m) => {
      const c = await this.require(m, campaignId);
      await this.checkMilestone(m, c, input);
      const ms = m.create(Milestone, { id: randomUUID(), campaignId, ...milestoneColumns(input) });
      await m.save(ms);
      await recordAudit(m, { entityType: 'Milestone', entityId: ms.id, action: 'create', after: ms });
      return ms;
    });
  }

  async updateMilestone(id: string, input: MilestoneFields): Promise<Milestone> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(Milestone, { where: { id } });
      if (!before) throw campaignError('MILESTONE_NOT_FOUND', { id });
      const c = await this.require(m, before.campaignId);
      await this.checkMilestone(m, c, input);
      const after = await updateVersioned(m, Milestone, id, before.version, milestoneColumns(input), campaignError('MILESTONE_NOT_FOUND', { id }));
      await recordAudit(m, { entityType: 'Milestone', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  async removeMilestone(id: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(Milestone, { where: { id } });
      if (!before) throw campaignError('MILESTONE_NOT_FOUND', { id });
      await m.delete(Milestone, { id });
      await recordAudit(m, { entityType: 'Milestone', entityId: id, action: 'delete', before });
      return true;
    });
  }
}
