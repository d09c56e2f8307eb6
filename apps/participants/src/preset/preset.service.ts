import { randomUUID } from 'node:crypto';
import { ANONYMOUS, presetId, recordAudit, runWithContext, type LegalDocumentValue, type Viewer } from '@thidua/platform';
import type { Logger } from 'pino';
import { In, IsNull, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { Campaign, CampaignPhase, Milestone } from '../campaign/campaign.entity';
import type { Services } from '../context';
import { EmulationCluster, OrgUnit, OrgUnitChange, OrgUnitChangeLink, OrgUnitVersion } from '../org-unit/org-unit.entity';
import { buonMaThuotPreset } from './buon-ma-thuot.preset';
import { daNangPreset } from './da-nang.preset';
import type { CampaignPreset, Preset } from './preset.types';

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
      const parent = u.parent ? await m.findOne(OrgUnit, { where: { code: u.parent } }) : null;
      if (u.parent && !parent) throw new Error(`preset: unknown unit ${u.parent}`);
      await services.orgUnits.create({
        id: presetId('OrgUnit', u.code),
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentId: parent?.id ?? null,
        validFrom: u.validFrom ?? null,
        email: u.email ?? null,
        // A unit of the past that a later version of the preset adds under a parent an earlier load has already ended (a ward
        // of a district dissolved on 1/7/2025): it existed under that parent on the parent's last day.
        existedOn: parent?.validTo && !u.validFrom ? dayBefore(parent.validTo) : null,
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
    await loadClusters(services, c.clusters, id);
    // Reorganisations after the plan was issued, in order, each applied once (a unit already ended is skipped; the legal
    // basis, note and successor of one applied by an earlier version of the preset are brought up to date). Wards merged on
    // the day the district level ended come before the district's dissolution, so none of them is moved under the province.
    for (const r of preset.reforms) {
      if (r.kind === 'MERGE_INTO') {
        const ids = await Promise.all(r.units.map(id));
        const active = await Promise.all(ids.map((x) => m.findOne(OrgUnit, { where: { id: x, validTo: IsNull() } })));
        if (active.some((u) => !u)) {
          await correctRecordedChange(m, ids[0] as string, r.effectiveDate, r.basis, r.note ?? null);
          continue;
        }
        for (const unitId of ids) await undoPresetMoves(services, unitId, r.effectiveDate);
        const into = await m.findOne(OrgUnit, { where: { code: r.into } });
        const change = { unitIds: ids, effectiveDate: r.effectiveDate, basis: r.basis, note: r.note };
        if (into) {
          await services.orgUnits.merge({ ...change, intoUnitId: into.id });
        } else if (r.formed) {
          const newUnit = { id: presetId('OrgUnit', r.into), code: r.into, name: r.formed.name, kind: r.formed.kind, parentId: await id(r.formed.parent) };
          await services.orgUnits.merge({ ...change, newUnit });
        } else {
          throw new Error(`preset: unknown unit ${r.into}`);
        }
        created = true;
      } else if (r.kind === 'DISSOLVE') {
        const unitId = await id(r.unit);
        const successorId = r.successor ? await id(r.successor) : null;
        if (!(await m.findOne(OrgUnit, { where: { id: unitId, validTo: IsNull() } }))) {
          await correctRecordedChange(m, unitId, r.effectiveDate, r.basis, r.note ?? null, successorId);
          continue;
        }
        await services.orgUnits.dissolve(unitId, r.effectiveDate, r.basis, r.transferChildrenTo ? await id(r.transferChildrenTo) : null, r.note, successorId);
      } else {
        const unit = await m.findOne(OrgUnit, { where: { code: r.unit } });
        if (!unit || unit.name === r.name) continue;
        await services.orgUnits.rename(unit.id, r.name, r.effectiveDate, r.basis);
      }
    }
    // Clusters of units a reform formed (the wards of 1/7/2025), once those exist.
    await loadClusters(services, c.clusters, id);
    if (created) logger.info({ campaign: c.code }, 'preset loaded');
    return { created };
  });
}

function dayBefore(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** The clusters not yet created whose members all exist, each with its members from the cluster's date. */
async function loadClusters(services: Services, clusters: CampaignPreset['clusters'], id: (code: string) => Promise<string>): Promise<void> {
  const m = services.db.manager;
  for (const cl of clusters) {
    if (await m.findOne(EmulationCluster, { where: { code: cl.code } })) continue;
    if ((await m.count(OrgUnit, { where: { code: In(cl.members) } })) < cl.members.length) continue;
    const cluster = await services.orgUnits.createCluster(cl.code, cl.name, cl.description);
    for (const code of cl.members) await services.orgUnits.addMember(cluster.id, await id(code), cl.validFrom ?? null);
  }
}

/**
 * Before a merger on `on`, take back the moves an earlier version of the preset recorded for the unit on or after that day:
 * it ended the district-level city on 1/7/2025 before the wards' own mergers were known and moved them under the province
 * (a version from 1/7/2025, a MOVED change). Without them the unit stands where it stood, and a database seeded by that
 * version ends with the same map as a fresh one. Any other later change is left alone (the merger then refuses).
 */
async function undoPresetMoves(services: Services, unitId: string, on: string): Promise<void> {
  await services.db.transaction(async (m) => {
    const later = await m.find(OrgUnitVersion, { where: { unitId, validFrom: MoreThanOrEqual(on) }, order: { validFrom: 'DESC' } });
    if (!later.length) return;
    const subjectOf = await m.find(OrgUnitChangeLink, { where: { unitId, role: 'SUBJECT' } });
    const moves = subjectOf.length ? await m.find(OrgUnitChange, { where: { id: In(subjectOf.map((l) => l.changeId)), kind: 'MOVED' } }) : [];
    for (const version of later) {
      const move = moves.find((c) => c.effectiveDate === version.validFrom);
      const previous = await m.findOne(OrgUnitVersion, { where: { unitId, validTo: version.validFrom as string } });
      if (!move || !previous || version.validTo !== null) return;
      await m.delete(OrgUnitVersion, { id: version.id });
      previous.validTo = null;
      await m.save(previous);
      const links = await m.find(OrgUnitChangeLink, { where: { changeId: move.id } });
      await m.delete(OrgUnitChangeLink, { changeId: move.id });
      await m.delete(OrgUnitChange, { id: move.id });
      await recordAudit(m, { entityType: 'OrgUnitChange', entityId: move.id, action: 'preset-correction', before: { ...move, links }, after: null });
      const unit = await m.findOne(OrgUnit, { where: { id: unitId } });
      if (!unit) return;
      const before = { ...unit };
      Object.assign(unit, { parentId: previous.parentId, scopeKey: previous.parentId ?? 'root' });
      await m.save(unit);
      await recordAudit(m, { entityType: 'OrgUnit', entityId: unit.id, action: 'preset-correction', before, after: unit });
    }
  });
}

/**
 * The change an earlier load of the preset recorded for this unit on this date: its legal basis and note as the preset
 * now gives them (an earlier version could carry a placeholder where a document's number was not yet known).
 */
async function correctRecordedChange(
  m: EntityManager,
  unitId: string,
  effectiveDate: string,
  basis: LegalDocumentValue | null,
  note: string | null,
  successorId: string | null = null,
): Promise<void> {
  const links = await m.find(OrgUnitChangeLink, { where: { unitId, role: 'PREDECESSOR' } });
  if (!links.length) return;
  const change = await m.findOne(OrgUnitChange, { where: { id: In(links.map((l) => l.changeId)), effectiveDate } });
  if (!change) return;
  if (JSON.stringify(change.basis) !== JSON.stringify(basis) || change.note !== note) {
    await m.update(OrgUnitChange, { id: change.id }, { basis, note });
    await recordAudit(m, { entityType: 'OrgUnitChange', entityId: change.id, action: 'preset-correction', before: change, after: { ...change, basis, note } });
  }
  // A dissolution an earlier version recorded without the unit that took over its tasks.
  if (successorId && !(await m.findOne(OrgUnitChangeLink, { where: { changeId: change.id, unitId: successorId, role: 'SUCCESSOR' } }))) {
    const link = m.create(OrgUnitChangeLink, { id: randomUUID(), changeId: change.id, unitId: successorId, role: 'SUCCESSOR' });
    await m.save(link);
    await recordAudit(m, { entityType: 'OrgUnitChangeLink', entityId: link.id, action: 'preset-correction', after: link });
  }
}

/** Load every preset (first embedded start, `npm run seed`). */
export async function loadAllPresets(services: Services, logger: Logger): Promise<string[]> {
  const created: string[] = [];
  for (const [code, preset] of Object.entries(PRESETS)) {
    if ((await loadPreset(services, preset, logger)).created) created.push(code);
  }
  return created;
}

