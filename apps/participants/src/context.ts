import { byIdLoader, createLogger, groupedLoader, type BaseContext, type Database, type FileStore } from '@thidua/platform';
import type { Logger } from 'pino';
import { StoredFile } from '@thidua/platform';
import { In } from 'typeorm';
import type { Campaign, CampaignPhase, Milestone } from './campaign/campaign.entity';
import { CampaignService } from './campaign/campaign.service';
import type { DirectoryImport } from './directory-import/directory-import.entity';
import { DirectoryImportService } from './directory-import/directory-import.service';
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
  directoryImports: DirectoryImportService;
  /** Uploaded files (/files) of this service; null where none are served (seeding). */
  files: FileStore | null;
}

export function createServices(db: Database, files: FileStore | null = null, logger: Logger = createLogger('participants', 'silent')): Services {
  const orgUnits = new OrgUnitService(db);
  const registrations = new RegistrationService(db, orgUnits);
  const people = new PersonService(db);
  return {
    db,
    orgUnits,
    campaigns: new CampaignService(db),
    registrations,
    unitPlans: new UnitPlanService(db),
    people,
    directoryImports: new DirectoryImportService(db, orgUnits, people, registrations, files, logger),
    files,
  };
}



/** Per-request batch loaders: every entity reference and list resolves in one query per kind. */
export function createLoaders(s: Services) {
  return {
    orgUnit: byIdLoader<OrgUnit>((ids) => s.orgUnits.byIds(ids)),
    unitVersions: groupedLoader<OrgUnitVersion>((v) => v.unitId, (ids) => s.orgUnits.versionsOf(ids)),
    unitLinks: groupedLoader<OrgUnitChangeLink>((l) => l.unitId, (ids) => s.orgUnits.linksOfUnits(ids)),
    changeLinks: groupedLoader<OrgUnitChangeLink>((l) => l.changeId, (ids) => s.orgUnits.linksOfChanges(ids)),
    change: byIdLoader<OrgUnitChange>((ids) => s.orgUnits.changesByIds(ids)),
    cluster: byIdLoader<EmulationCluster>((ids) => s.orgUnits.clustersByIds(ids)),
    clusterMembers: groupedLoader<ClusterMember>((m) => m.clusterId, (ids) => s.orgUnits.membershipsOfClusters(ids)),
    unitMemberships: groupedLoader<ClusterMember>((m) => m.unitId, (ids) => s.orgUnits.membershipsOfUnits(ids)),
    campaign: byIdLoader<Campaign>((ids) => s.campaigns.byIds(ids)),
    phase: byIdLoader<CampaignPhase>((ids) => s.campaigns.phasesByIds(ids)),
    milestone: byIdLoader<Milestone>((ids) => s.campaigns.milestonesByIds(ids)),
    campaignPhases: groupedLoader<CampaignPhase>((p) => p.campaignId, (ids) => s.campaigns.phasesOf(ids)),
    campaignMilestones: groupedLoader<Milestone>((m) => m.campaignId, (ids) => s.campaigns.milestonesOf(ids)),
    person: byIdLoader<Person>((ids) => s.people.byIds(ids)),
    unitPeople: groupedLoader<Person>((p) => p.unitId ?? '', (ids) => s.people.forUnits(ids)),
    registration: byIdLoader<Registration>((ids) => s.registrations.byIds(ids)),
    unitRegistrations: groupedLoader<Registration>((r) => r.unitId ?? '', (ids) => s.registrations.forUnits(ids)),
    personRegistrations: groupedLoader<Registration>((r) => r.personId ?? '', (ids) => s.registrations.forPeople(ids)),
    unitPlan: byIdLoader<UnitPlan>((ids) => s.unitPlans.byIds(ids)),
    campaignPlans: groupedLoader<UnitPlan>((p) => p.campaignId, (ids) => s.unitPlans.forCampaigns(ids)),
    unitPlansOfUnit: groupedLoader<UnitPlan>((p) => p.unitId, (ids) => s.unitPlans.forUnits(ids)),
    initiative: byIdLoader<Initiative>((ids) => s.people.initiatives({ ids })),
    initiativeAuthors: groupedLoader<InitiativeAuthor>((a) => a.initiativeId, (ids) => s.people.authorsOf(ids)),
    personAuthorships: groupedLoader<InitiativeAuthor>((a) => a.personId, (ids) => s.people.initiativesOfPeople(ids)),
    unitInitiatives: groupedLoader<Initiative>((i) => i.unitId, (ids) => s.people.initiatives({ unitIds: ids })),
    campaignInitiatives: groupedLoader<Initiative>((i) => i.campaignId ?? '', (ids) => s.people.initiatives({ campaignIds: ids })),
    directoryImport: byIdLoader<DirectoryImport>((ids) => s.directoryImports.byIds(ids)),
    file: byIdLoader<StoredFile>((ids) => (ids.length ? s.db.manager.find(StoredFile, { where: { id: In([...ids]) } }) : Promise.resolve([]))),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface ParticipantsContext extends BaseContext {
  services: Services;
  loaders: Loaders;
}
