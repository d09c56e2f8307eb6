import DataLoader from 'dataloader';
import type { BaseContext, Database } from '@thidua/platform';
import { StoredFile } from '@thidua/platform';
import { In } from 'typeorm';
import type { Campaign, CampaignPhase, Milestone } from './campaign/campaign.entity';
import { CampaignService } from './campaign/campaign.service';
import type { Initiative, InitiativeAuthor } from './initiative/initiative.entity';
import type {
  ClusterMember,
  EmulationCluster,
  OrgUnit,
  OrgUnitChange,
  OrgUnitChangeLink,
  OrgUnitVersion,
} from './org-unit/org-unit.entity';
import { OrgUnitService } from './org-unit/org-unit.service';
import type { Person } from './person/person.entity';
import { PersonService } from './person/person.service';
import type { Registration } from './registration/registration.entity';
import { RegistrationService } from './registration/registration.service';
import type { UnitPlan } from './unit-plan/unit-plan.entity';
import { UnitPlanService } from './unit-plan/unit-plan.service';

/** The service's use cases; one instance per process. */
export interface Services {
  db: Database;
  orgUnits: OrgUnitService;
  campaigns: CampaignService;
  registrations: RegistrationService;
  unitPlans: UnitPlanService;
  people: PersonService;
}

export function createServices(db: Database): Services {
  const orgUnits = new OrgUnitService(db);
  return {
    db,
    orgUnits,
    campaigns: new CampaignService(db),
    registrations: new RegistrationService(db, orgUnits),
    unitPlans: new UnitPlanService(db),
    people: new PersonService(db),
  };
}

function byId<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await load(ids);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function groupBy<T>(key: (row: T) => string, load: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await load(ids);
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const k = key(r);
      const list = map.get(k) ?? [];
      list.push(r);
      map.set(k, list);
    }
    return ids.map((id) => map.get(id) ?? []);
  });
}

/** Per-request batch loaders: every entity reference and list resolves in one query per kind. */
export function createLoaders(s: Services) {
  return {
    orgUnit: byId<OrgUnit>((ids) => s.orgUnits.byIds(ids)),
    unitVersions: groupBy<OrgUnitVersion>((v) => v.unitId, (ids) => s.orgUnits.versionsOf(ids)),
    unitLinks: groupBy<OrgUnitChangeLink>((l) => l.unitId, (ids) => s.orgUnits.linksOfUnits(ids)),
    changeLinks: groupBy<OrgUnitChangeLink>((l) => l.changeId, (ids) => s.orgUnits.linksOfChanges(ids)),
    change: byId<OrgUnitChange>((ids) => s.orgUnits.changesByIds(ids)),
    cluster: byId<EmulationCluster>((ids) => s.orgUnits.clustersByIds(ids)),
    clusterMembers: groupBy<ClusterMember>((m) => m.clusterId, (ids) => s.orgUnits.membershipsOfClusters(ids)),
    unitMemberships: groupBy<ClusterMember>((m) => m.unitId, (ids) => s.orgUnits.membershipsOfUnits(ids)),
    campaign: byId<Campaign>((ids) => s.campaigns.byIds(ids)),
    phase: byId<CampaignPhase>((ids) => s.campaigns.phasesByIds(ids)),
    milestone: byId<Milestone>((ids) => s.campaigns.milestonesByIds(ids)),
    campaignPhases: groupBy<CampaignPhase>((p) => p.campaignId, (ids) => s.campaigns.phasesOf(ids)),
    campaignMilestones: groupBy<Milestone>((m) => m.campaignId, (ids) => s.campaigns.milestonesOf(ids)),
    person: byId<Person>((ids) => s.people.byIds(ids)),
    unitPeople: groupBy<Person>((p) => p.unitId ?? '', (ids) => s.people.forUnits(ids)),
    registration: byId<Registration>((ids) => s.registrations.byIds(ids)),
    unitRegistrations: groupBy<Registration>((r) => r.unitId ?? '', (ids) => s.registrations.forUnits(ids)),
    personRegistrations: groupBy<Registration>((r) => r.personId ?? '', (ids) => s.registrations.forPeople(ids)),
    unitPlan: byId<UnitPlan>((ids) => s.unitPlans.byIds(ids)),
    campaignPlans: groupBy<UnitPlan>((p) => p.campaignId, (ids) => s.unitPlans.forCampaigns(ids)),
    unitPlansOfUnit: groupBy<UnitPlan>((p) => p.unitId, (ids) => s.unitPlans.forUnits(ids)),
    initiative: byId<Initiative>((ids) => s.people.initiatives({ ids })),
    initiativeAuthors: groupBy<InitiativeAuthor>((a) => a.initiativeId, (ids) => s.people.authorsOf(ids)),
    personAuthorships: groupBy<InitiativeAuthor>((a) => a.personId, (ids) => s.people.initiativesOfPeople(ids)),
    unitInitiatives: groupBy<Initiative>((i) => i.unitId, (ids) => s.people.initiatives({ unitIds: ids })),
    campaignInitiatives: groupBy<Initiative>((i) => i.campaignId ?? '', (ids) => s.people.initiatives({ campaignIds: ids })),
    file: byId<StoredFile>((ids) => (ids.length ? s.db.manager.find(StoredFile, { where: { id: In([...ids]) } }) : Promise.resolve([]))),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface ParticipantsContext extends BaseContext {
  services: Services;
  loaders: Loaders;
}
