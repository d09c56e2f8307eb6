import { byIdLoader, groupedLoader, type BaseContext, type Database, type PlatformConfig } from '@thidua/platform';
import DataLoader from 'dataloader';
import { campaignAgenciesLoader, createGraphClient, predecessorsLoader, type GraphClient } from '@thidua/graph-client';
import { In } from 'typeorm';
import { DossierDocument } from './dossier/dossier.entity';
import { Nomination } from './nomination/nomination.entity';
import { NominationService } from './nomination/nomination.service';
import type { AwardForm, Occasion } from './award-form/award-form.entity';
import { AwardFormService } from './award-form/award-form.service';
import { AwardRulesService, type AwardRulesView } from './award-rules/award-rules.service';
import { CouncilService } from './council/council.service';
import { ConsultationService } from './consultation/consultation.service';
import type { CouncilReview } from './council/council.entity';
import { DecisionService, type BonusTables } from './decision/decision.service';
import type { AwardDecision } from './decision/decision.entity';
import type { NominationStep, Quota } from './nomination/nomination.entity';

/** A campaign as awards knows it: an id owned by participants. */
export interface CampaignRef {
  id: string;
}

export interface Services {
  db: Database;
  graph: GraphClient;
  forms: AwardFormService;
  awardRules: AwardRulesService;
  nominations: NominationService;
  council: CouncilService;
  decisions: DecisionService;
  consultations: ConsultationService;
}

export function createServices(db: Database, config: PlatformConfig): Services {
  const graph = createGraphClient({ url: config.gatewayUrl, auth: config.auth, service: 'awards', serviceToken: config.serviceToken });
  const forms = new AwardFormService(db);
  const nominations = new NominationService(db, graph, forms);
  const awardRules = new AwardRulesService(db);
  // The public consultation holds back the council and the decision (R27): both ask it before they act.
  const consultations = new ConsultationService(db, graph, (campaignId, m) => awardRules.of(campaignId, m));
  return {
    db,
    graph,
    forms,
    awardRules,
    nominations,
    council: new CouncilService(db, graph, nominations, consultations),
    decisions: new DecisionService(db, graph, nominations, consultations),
    consultations,
  };
}

/** Per-request batch loaders. */
export function createLoaders(s: Services) {
  return {
    /** Forms, occasions, decrees, other nominations and the graph's facts on candidate units, as eligibility reads them. */
    ...s.nominations.eligibilityLoaders(),
    /** Consultations, their nominees, published comments, and each nomination's consultation record. */
    ...s.consultations.loaders(),
    /** Each campaign's rules on award dossiers (defaults while none are set). */
    awardRules: new DataLoader<string, AwardRulesView>((ids) => s.awardRules.ofCampaigns(ids)),
    campaignForms: groupedLoader<AwardForm>((f) => f.campaignId, (ids) => s.forms.formsOf(ids)),
    campaignOccasions: groupedLoader<Occasion>((o) => o.campaignId, (ids) => s.forms.occasionsOf(ids)),
    nomination: byIdLoader<Nomination>((ids) => s.db.manager.find(Nomination, { where: { id: In([...ids]) } })),
    dossierDocument: byIdLoader<DossierDocument>((ids) => s.db.manager.find(DossierDocument, { where: { id: In([...ids]) } })),
    unitNominations: groupedLoader<Nomination>((n) => n.candidateUnitId ?? '', (ids) => s.nominations.ofCandidates('unit', ids)),
    personNominations: groupedLoader<Nomination>((n) => n.candidatePersonId ?? '', (ids) => s.nominations.ofCandidates('person', ids)),
    steps: groupedLoader<NominationStep>((st) => st.nominationId, (ids) => s.nominations.steps(ids)),
    councilReview: byIdLoader<CouncilReview>((ids) => s.council.byIds(ids)),
    occasionReviews: groupedLoader<CouncilReview>((r) => r.occasionId, (ids) => s.council.ofOccasions(ids)),
    decision: byIdLoader<AwardDecision>((ids) => s.decisions.byIds(ids)),
    occasionNominations: groupedLoader<Nomination>((n) => n.occasionId, (ids) => s.db.manager.find(Nomination, { where: { occasionId: In([...ids]) } })),
    /** The legal tables bonuses are computed from, read once per request. */
    bonusTables: new DataLoader<string, BonusTables>(async (keys) => {
      const t = await s.decisions.bonusTables();
      return keys.map(() => t);
    }),
    occasionQuotas: groupedLoader<Quota>((q) => q.occasionId, (ids) => s.nominations.quotasOf(ids)),
    unitAwards: groupedLoader<Nomination>((n) => n.candidateUnitId ?? '', (ids) => s.decisions.awardees({ unitIds: ids })),
    personAwards: groupedLoader<Nomination>((n) => n.candidatePersonId ?? '', (ids) => s.decisions.awardees({ personIds: ids })),
    campaignAwards: groupedLoader<Nomination>((n) => n.campaignId, (ids) => s.decisions.awardees({ campaignIds: ids })),
    decisionAwards: groupedLoader<Nomination>((n) => n.decisionId ?? '', (ids) => s.decisions.awardees({ decisionIds: ids })),
    /** A unit's predecessors through every reorganisation, from the graph: history follows merged units. */
    predecessors: predecessorsLoader(s.graph),
    /** A campaign's lead and appraising agencies in force today: jurisdiction of unit-bound accounts (R26). */
    campaignAgencies: campaignAgenciesLoader(s.graph),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface AwardsContext extends BaseContext {
  services: Services;
  loaders: Loaders;
}
