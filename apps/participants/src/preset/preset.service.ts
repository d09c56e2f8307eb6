import { ANONYMOUS, presetId, recordAudit, runWithContext, type LegalDocumentValue, type Viewer } from '@thidua/platform';
import type { Logger } from 'pino';
import { In, IsNull, type EntityManager } from 'typeorm';
import { Campaign, CampaignPhase, Milestone } from '../campaign/campaign.entity';
import type { Services } from '../context';
import { EmulationCluster, OrgUnit, OrgUnitChange, OrgUnitChangeLink } from '../org-unit/org-unit.entity';
import { buonMaThuotPreset } from './buon-ma-thuot.preset';
import { daNangPreset } from './da-nang.preset';
import type { Preset } from './preset.types';

/** The two seed plans, ready to run. */
export const PRESETS: Record<string, Preset> = {
  'BMT-CDS-2023-2025': buonMaThuotPreset,
  'DN-CDS-2021-2030': daNangPreset,
};

const SYSTEM: Viewer = { ...ANONYMOUS, userId: 'system:preset', roles: ['ADMIN'], anonymous: false };

/**
 * Load a preset: its units, the campaign with phases, milestones and clusters, then the reorganisations
 * since the plan. Every step checks what already exists, so a load cut short is completed by the next one.
 */
export async function loadPreset(services: Services, preset: Preset, logger: Logger): Promise<{ created: boolean }> {
  return runWithContext({ requestId: 'preset', logger, viewer: SYSTEM }, async () => {
    const m = services.db.manager;
    const id = async (code: string): Promise<string> => {
      const u = await m.findOne(OrgUnit, { where: { code } });
      if (!u) throw new Error(`preset: unknown unit ${code}`);
      return u.id;
    };
    let created = false;
    for (const u of preset.units) {
      if (await m.findOne(OrgUnit, { where: { code: u.code } })) continue;
      await services.orgUnits.create({
        id: presetId('OrgUnit', u.code),
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentId: u.parent ? await id(u.parent) : null,
        validFrom: u.validFrom ?? null,
        email: u.email ?? null,
      });
      created = true;
    }
    const c = preset.campaign;
    let campaign = await m.findOne(Campaign, { where: { code: c.code } });
    if (!campaign) {
      campaign = await services.campaigns.create(
        {
          id: presetId('Campaign', c.code),
          code: c.code,
          name: c.name,
          issuerTitle: c.issuerTitle,
          issuerId: await id(c.issuer),
          document: c.document,
          legalBasis: c.legalBasis,
          jurisdictionId: await id(c.jurisdiction),
          startDate: c.startDate,
          endDate: c.endDate,
          contentAreas: c.contentAreas,
          prioritySectors: c.prioritySectors,
          leadAgencyId: await id(c.lead),
          appraisingAgencyId: await id(c.appraising),
          expectedUnitKinds: c.expectedUnitKinds,
        },
        'PUBLISHED',
      );
      created = true;
    }
    const phases = await m.find(CampaignPhase, { where: { campaignId: campaign.id }, order: { ordinal: 'ASC' } });
    for (const p of c.phases.slice(phases.length)) phases.push(await services.campaigns.addPhase(campaign.id, p));
    const milestones = await m.find(Milestone, { where: { campaignId: campaign.id } });
    for (const ms of c.milestones) {
      if (milestones.some((x) => x.kind === ms.kind && x.dueDate === ms.dueDate)) continue;
      await services.campaigns.addMilestone(campaign.id, {
        kind: ms.kind,
        title: ms.title,
        startDate: ms.startDate ?? null,
        dueDate: ms.dueDate,
        recurrence: ms.recurrence,
        sourceClause: ms.sourceClause,
        recipientId: ms.recipient ? await id(ms.recipient) : null,
        phaseId: ms.phase === undefined ? null : (phases[ms.phase]?.id ?? null),
      });
    }
    for (const cl of c.clusters) {
      const existing = await m.findOne(EmulationCluster, { where: { code: cl.code } });
      if (existing) continue;
      const cluster = await services.orgUnits.createCluster(cl.code, cl.name, cl.description);
      for (const code of cl.members) await services.orgUnits.addMember(cluster.id, await id(code), null);
    }
    // Reorganisations after the plan was issued, applied once (a unit already ended is skipped; the legal basis and
    // note of one applied by an earlier version of the preset are brought up to date).
    for (const r of preset.reforms) {
      if (r.kind === 'MERGE_INTO') {
        const ids = await Promise.all(r.units.map(id));
        const active = await Promise.all(ids.map((x) => m.findOne(OrgUnit, { where: { id: x, validTo: IsNull() } })));
        if (active.some((u) => !u)) {
          await correctRecordedChange(m, ids[0] as string, r.effectiveDate, r.basis, r.note ?? null);
          continue;
        }
        await services.orgUnits.merge({ unitIds: ids, intoUnitId: await id(r.into), effectiveDate: r.effectiveDate, basis: r.basis, note: r.note });
      } else if (r.kind === 'DISSOLVE') {
        const unitId = await id(r.unit);
        if (!(await m.findOne(OrgUnit, { where: { id: unitId, validTo: IsNull() } }))) {
          await correctRecordedChange(m, unitId, r.effectiveDate, r.basis, r.note ?? null);
          continue;
        }
        await services.orgUnits.dissolve(unitId, r.effectiveDate, r.basis, r.transferChildrenTo ? await id(r.transferChildrenTo) : null, r.note);
      } else {
        const unit = await m.findOne(OrgUnit, { where: { code: r.unit } });
        if (!unit || unit.name === r.name) continue;
        await services.orgUnits.rename(unit.id, r.name, r.effectiveDate, r.basis);
      }
    }
    if (created) logger.info({ campaign: c.code }, 'preset loaded');
    return { created };
  });
}

/**
 * The change an earlier load of the preset recorded for this unit on this date: its legal basis and note as the preset
 * now gives them (an earlier version could carry a placeholder where a document's number was not yet known).
 */
async function correctRecordedChange(m: EntityManager, unitId: string, effectiveDate: string, basis: LegalDocumentValue | null, note: string | null): Promise<void> {
  const links = await m.find(OrgUnitChangeLink, { where: { unitId, role: 'PREDECESSOR' } });
  if (!links.length) return;
  const change = await m.findOne(OrgUnitChange, { where: { id: In(links.map((l) => l.changeId)), effectiveDate } });
  if (!change || (JSON.stringify(change.basis) === JSON.stringify(basis) && change.note === note)) return;
  await m.update(OrgUnitChange, { id: change.id }, { basis, note });
  await recordAudit(m, { entityType: 'OrgUnitChange', entityId: change.id, action: 'preset-correction', before: change, after: { ...change, basis, note } });
}

/** Load every preset (first embedded start, `npm run seed`). */
export async function loadAllPresets(services: Services, logger: Logger): Promise<string[]> {
  const created: string[] = [];
  for (const [code, preset] of Object.entries(PRESETS)) {
    if ((await loadPreset(services, preset, logger)).created) created.push(code);
  }
  return created;
}

