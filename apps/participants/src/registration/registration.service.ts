import { randomUUID } from 'node:crypto';
import { type Database, recordAudit, rethrowUnique, todayInVietnam, updateVersioned, validOn } from '@thidua/platform';
import { In, type EntityManager } from 'typeorm';
import { Campaign } from '../campaign/campaign.entity';
import { campaignError } from '../campaign/campaign.errors';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { orgUnitError } from '../org-unit/org-unit.errors';
import { Person } from '../person/person.entity';
import { personError } from '../person/person.errors';
import { defaultAsOf } from '../campaign/campaign.rules';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import { Registration, type RegistrationStatus } from './registration.entity';
import { registrationError } from './registration.errors';
import { nextRegistrationStatus, type RegistrationAction } from './registration.rules';

/** Registrations of units and people for a campaign (R4). */
export class RegistrationService {
  constructor(
    private readonly db: Database,
    private readonly orgUnits: OrgUnitService,
  ) {}

  /** Registrations are taken while the campaign is published and not over. */
  private assertOpen(campaign: Campaign): void {
    if (campaign.status !== 'PUBLISHED' || todayInVietnam() > campaign.endDate) throw registrationError('REGISTRATION_CAMPAIGN_CLOSED');
  }

  /**
   * A unit takes part in a campaign if it is the campaign's jurisdiction or lies in its area: today's (clamped into the
   * campaign), or, when the jurisdiction ended during the campaign, its area on its last day (a ward merged on 1/7/2025 whose
   * paper registration the lead agency records). `inScope` keeps each campaign's units between calls (bulk import).
   */
  private async assertInScope(m: EntityManager, campaign: Campaign, unitId: string, inScope?: Map<string, Set<string>>): Promise<void> {
    if (unitId === campaign.jurisdictionId) return;
    let units = inScope?.get(campaign.id);
    if (!units) {
      const d = defaultAsOf(campaign, todayInVietnam());
      units = new Set((await this.orgUnits.areaOn(campaign.jurisdictionId, d, undefined, m)).map((u) => u.id));
      const jurisdiction = await m.findOne(OrgUnit, { where: { id: campaign.jurisdictionId } });
      if (jurisdiction?.validTo && jurisdiction.validTo > campaign.startDate && jurisdiction.validTo <= d) {
        const last = new Date(`${jurisdiction.validTo}T00:00:00Z`);
        last.setUTCDate(last.getUTCDate() - 1);
        for (const u of await this.orgUnits.descendantsOn(campaign.jurisdictionId, last.toISOString().slice(0, 10), undefined, m)) units.add(u.id);
      }
      inScope?.set(campaign.id, units);
    }
    if (!units.has(unitId)) throw registrationError('REGISTRATION_UNIT_NOT_EXPECTED', { unitId });
  }

  async byIds(ids: readonly string[]): Promise<Registration[]> {
    if (!ids.length) return [];
    return this.db.manager.find(Registration, { where: { id: In([...ids]) } });
  }

  async forCampaign(campaignId: string, status?: RegistrationStatus | null): Promise<Registration[]> {
    return this.db.manager.find(Registration, { where: { campaignId, ...(status ? { status } : {}) }, order: { submittedAt: 'ASC' } });
  }

  async forUnits(unitIds: readonly string[]): Promise<Registration[]> {
    if (!unitIds.length) return [];
    return this.db.manager.find(Registration, { where: { unitId: In([...unitIds]) } });
  }

  async forPeople(personIds: readonly string[]): Promise<Registration[]> {
    if (!personIds.length) return [];
    return this.db.manager.find(Registration, { where: { personId: In([...personIds]) } });
  }

  async get(id: string): Promise<Registration> {
    const r = await this.db.manager.findOne(Registration, { where: { id } });
    if (!r) throw registrationError('REGISTRATION_NOT_FOUND', { id });
    return r;
  }

  /** The unit whose officers act for this participant: the unit itself, or the person's unit. */
  async participantUnit(unitId: string | null, personId: string | null): Promise<string | null> {
    if (unitId) return unitId;
    if (!personId) return null;
    const p = await this.db.manager.findOne(Person, { where: { id: personId } });
    if (!p) throw personError('PERSON_NOT_FOUND', { id: personId });
    return p.unitId;
  }

  /**
   * Register a unit or a person; with `submit`, send it in the same transaction (all or nothing).
   * `recordingPaper`: the lead agency enters a registration received on paper, also after the campaign closed.
   */
  async create(campaignId: string, unitId: string | null, personId: string | null, commitments: string[], submit = false, recordingPaper = false): Promise<Registration> {
    return this.db.transaction((m) => this.createIn(m, { campaignId, unitId, personId, commitments, submit, recordingPaper }));
  }

  /** Register in the caller's transaction, with every check of `create` (the bulk import's path; `inScope` caches the campaigns' units). */
  async createIn(
    m: EntityManager,
    input: { campaignId: string; unitId: string | null; personId: string | null; commitments: string[]; submit?: boolean; recordingPaper?: boolean },
    inScope?: Map<string, Set<string>>,
  ): Promise<Registration> {
    const { campaignId, unitId, personId, commitments } = input;
    const submit = input.submit ?? false;
    const recordingPaper = input.recordingPaper ?? false;
    if (!!unitId === !!personId) throw registrationError('REGISTRATION_PARTICIPANT_INVALID');
    if (submit && commitments.length === 0) throw registrationError('REGISTRATION_COMMITMENTS_REQUIRED');
    const campaign = await m.findOne(Campaign, { where: { id: campaignId } });
    if (!campaign) throw campaignError('CAMPAIGN_NOT_FOUND', { id: campaignId });
    if (!recordingPaper) this.assertOpen(campaign);
    let scopeUnit = unitId;
    if (unitId) {
      const unit = await m.findOne(OrgUnit, { where: { id: unitId } });
      if (!unit) throw orgUnitError('ORG_UNIT_NOT_FOUND', { id: unitId });
      if (!recordingPaper && !validOn(unit, todayInVietnam())) throw orgUnitError('ORG_UNIT_INACTIVE', { id: unitId });
    } else {
      const person = await m.findOne(Person, { where: { id: personId as string } });
      if (!person) throw personError('PERSON_NOT_FOUND', { id: personId });
      scopeUnit = person.unitId;
    }
    if (scopeUnit) await this.assertInScope(m, campaign, scopeUnit, inScope);
    const participantKey = unitId ? `unit:${unitId}` : `person:${personId}`;
    if (await m.findOne(Registration, { where: { campaignId, participantKey } })) {
      throw registrationError('REGISTRATION_DUPLICATE', { campaignId, participantKey });
    }
    const now = new Date();
    const r = m.create(Registration, {
      id: randomUUID(),
      campaignId,
      unitId,
      personId,
      participantKey,
      commitments,
      status: submit ? 'SUBMITTED' : 'DRAFT',
      returnReason: null,
      submittedAt: submit ? now : null,
      decidedAt: null,
    });
    try {
      await m.save(r);
    } catch (err) {
      rethrowUnique(err, registrationError('REGISTRATION_DUPLICATE', { campaignId, participantKey }));
    }
    await recordAudit(m, { entityType: 'Registration', entityId: r.id, action: submit ? 'create+submit' : 'create', after: r });
    return r;
  }

  async transition(id: string, action: RegistrationAction, changes: Partial<Registration> = {}, expectedVersion?: number): Promise<Registration> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(Registration, { where: { id } });
      if (!before) throw registrationError('REGISTRATION_NOT_FOUND', { id });
      if (action === 'edit' || action === 'submit') {
        const campaign = await m.findOne(Campaign, { where: { id: before.campaignId } });
        if (!campaign) throw campaignError('CAMPAIGN_NOT_FOUND', { id: before.campaignId });
        this.assertOpen(campaign);
      }
      const next = nextRegistrationStatus(before.status, action);
      if (!next) throw registrationError('REGISTRATION_STATE_INVALID', { status: before.status, action });
      const commitments = changes.commitments ?? before.commitments;
      if (action === 'submit' && commitments.length === 0) throw registrationError('REGISTRATION_COMMITMENTS_REQUIRED');
      const now = new Date();
      const patch: Partial<Registration> = { ...changes, status: next };
      if (action === 'submit') patch.submittedAt = now;
      if (action === 'accept' || action === 'return') patch.decidedAt = now;
      if (action === 'submit') patch.returnReason = null;
      const after = await updateVersioned(m, Registration, id, expectedVersion ?? before.version, patch, registrationError('REGISTRATION_NOT_FOUND'));
      await recordAudit(m, { entityType: 'Registration', entityId: id, action, before, after });
      return after;
    });
  }
}
