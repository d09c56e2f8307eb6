import { randomUUID } from 'node:crypto';
import { type Database, recordAudit, rethrowUnique, StoredFile } from '@thidua/platform';
import { In } from 'typeorm';
import { Campaign, Milestone } from '../campaign/campaign.entity';
import { campaignError } from '../campaign/campaign.errors';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { orgUnitError } from '../org-unit/org-unit.errors';
import { UnitPlan } from './unit-plan.entity';
import { unitPlanError } from './unit-plan.errors';

export interface UnitPlanFields {
  campaignId: string;
  unitId: string;
  number: string;
  issuedDate: string;
  receivedDate: string;
  fileId?: string | null;
}

/** Units' launch plans (R5). */
export class UnitPlanService {
  constructor(private readonly db: Database) {}

  async forCampaigns(ids: readonly string[]): Promise<UnitPlan[]> {
    if (!ids.length) return [];
    return this.db.manager.find(UnitPlan, { where: { campaignId: In([...ids]) }, order: { receivedDate: 'ASC' } });
  }

  async forUnits(ids: readonly string[]): Promise<UnitPlan[]> {
    if (!ids.length) return [];
    return this.db.manager.find(UnitPlan, { where: { unitId: In([...ids]) } });
  }

  async byIds(ids: readonly string[]): Promise<UnitPlan[]> {
    if (!ids.length) return [];
    return this.db.manager.find(UnitPlan, { where: { id: In([...ids]) } });
  }

  /** The plan deadline of a campaign: its first UNIT_PLAN_DUE milestone. */
  async dueDateOf(campaignId: string): Promise<string | null> {
    const ms = await this.db.manager.findOne(Milestone, { where: { campaignId, kind: 'UNIT_PLAN_DUE' }, order: { dueDate: 'ASC' } });
    return ms?.dueDate ?? null;
  }

  async submit(input: UnitPlanFields): Promise<UnitPlan> {
    if (input.issuedDate > input.receivedDate) throw unitPlanError('UNIT_PLAN_DATE_INVALID');
    return this.db.transaction(async (m) => {
      const campaign = await m.findOne(Campaign, { where: { id: input.campaignId } });
      if (!campaign) throw campaignError('CAMPAIGN_NOT_FOUND', { id: input.campaignId });
      if (campaign.status === 'DRAFT') throw campaignError('CAMPAIGN_NOT_PUBLISHED');
      const unit = await m.findOne(OrgUnit, { where: { id: input.unitId } });
      if (!unit) throw orgUnitError('ORG_UNIT_NOT_FOUND', { id: input.unitId });
      if (input.fileId) {
        const file = await m.findOne(StoredFile, { where: { id: input.fileId } });
        // The file must be the unit's own, so that the unit's officers can read what was filed for them.
        if (!file || file.ownerUnitId !== input.unitId) throw unitPlanError('UNIT_PLAN_FILE_NOT_FOUND', { fileId: input.fileId });
      }
      if (await m.findOne(UnitPlan, { where: { campaignId: input.campaignId, unitId: input.unitId } })) {
        throw unitPlanError('UNIT_PLAN_DUPLICATE');
      }
      const plan = m.create(UnitPlan, { id: randomUUID(), ...input, fileId: input.fileId ?? null });
      try {
        await m.save(plan);
      } catch (err) {
        rethrowUnique(err, unitPlanError('UNIT_PLAN_DUPLICATE'));
      }
      await recordAudit(m, { entityType: 'UnitPlan', entityId: plan.id, action: 'create', after: plan });
      return plan;
    });
  }
}
