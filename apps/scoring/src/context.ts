import { join } from 'node:path';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { byIdLoader, FileStore, groupedLoader, mintToken, type BaseContext, type Database } from '@thidua/platform';
import { campaignAgenciesLoader, createGraphClient, predecessorsLoader, type GraphClient } from '@thidua/graph-client';
import type { PlatformConfig } from '@thidua/platform';
import { ScoringPeriod, type Assessment, type IndicatorScore } from './assessment/assessment.entity';
import { AssessmentService } from './assessment/assessment.service';
import { IndexFramework, Indicator, IndicatorGroup } from './framework/framework.entity';
import { FrameworkService } from './framework/framework.service';
import { RankingService } from './ranking/ranking.service';
import type { ScoreImport } from './score-import/score-import.entity';
import { ScoreImportService } from './score-import/score-import.service';
import type { ClassificationRule } from './assessment/scoring.rules';
import type { AssignedTask, TaskProgress } from './task/task.entity';
import { TaskService } from './task/task.service';

export interface Services {
  db: Database;
  graph: GraphClient;
  frameworks: FrameworkService;
  assessments: AssessmentService;
  rankings: RankingService;
  tasks: TaskService;
  scoreImports: ScoreImportService;
  /** A file uploaded through /files (participants keeps them), read through the gateway; null when unknown. */
  uploadedFile(id: string): Promise<{ name: string; bytes: Buffer } | null>;
}

/** One ranked year of `OrgUnit.rank`: a campaign's year. */
export interface RankGroup {
  campaignId: string;
  year: number;
}

export function createServices(db: Database, config: PlatformConfig): Services {
  const graph = createGraphClient({ url: config.gatewayUrl, auth: config.auth, service: 'scoring', serviceToken: config.serviceToken });
  const frameworks = new FrameworkService(db);
  const assessments = new AssessmentService(db, frameworks, graph);
  const scoreImports = new ScoreImportService(db, frameworks, assessments, new FileStore(join(config.dataDir, 'score-imports')));
  const uploadedFile = async (id: string) => {
    // Only ADMIN and LEAD_AGENCY start imports, and both read every file: the service token reads it for them.
    const token = config.serviceToken ?? (await mintToken(config.auth, { roles: ['SERVICE'], subject: 'service:scoring', ttlSeconds: 300 }));
    const res = await fetch(new URL(`/files/${encodeURIComponent(id)}`, config.gatewayUrl), { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) });
    if (res.status === 404 || res.status === 403) return null;
    if (!res.ok) throw new Error(`files: HTTP ${res.status}`);
    const disposition = res.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const name = encoded ? decodeURIComponent(encoded) : (/filename="([^"]+)"/i.exec(disposition)?.[1] ?? `${id}.xlsx`);
    return { name, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  return { db, graph, frameworks, assessments, rankings: new RankingService(db, graph), tasks: new TaskService(db), scoreImports, uploadedFile };
}



/** Per-request batch loaders: every reference and list resolves in one query per kind. */
export function createLoaders(s: Services) {
  return {
    framework: byIdLoader<IndexFramework>((ids) => s.frameworks.byIds(ids)),
    group: byIdLoader<IndicatorGroup>((ids) => s.db.manager.find(IndicatorGroup, { where: { id: In([...ids]) } })),
    indicator: byIdLoader<Indicator>((ids) => s.db.manager.find(Indicator, { where: { id: In([...ids]) } })),
    period: byIdLoader<ScoringPeriod>((ids) => s.db.manager.find(ScoringPeriod, { where: { id: In([...ids]) } })),
    frameworkGroups: groupedLoader<IndicatorGroup>((g) => g.frameworkId, (ids) => s.frameworks.groupsOf(ids)),
    frameworkIndicators: groupedLoader<Indicator>((i) => i.frameworkId, (ids) => s.frameworks.indicatorsOf(ids)),
    assessment: byIdLoader<Assessment>((ids) => s.assessments.byIds(ids)),
    assessmentScores: groupedLoader<IndicatorScore>((x) => x.assessmentId, (ids) => s.assessments.scoresOf(ids)),
    unitAssessments: groupedLoader<Assessment>((a) => a.unitId, (ids) => s.assessments.ofUnits(ids)),
    campaignPeriods: groupedLoader<ScoringPeriod>((p) => p.campaignId, (ids) => s.assessments.periodsOf(ids)),
    scoreImport: byIdLoader<ScoreImport>((ids) => s.scoreImports.byIds(ids)),
    task: byIdLoader<AssignedTask>((ids) => s.tasks.byIds(ids)),
    /** A unit's predecessors through every reorganisation, from the graph. */
    predecessors: predecessorsLoader(s.graph),
    /** Each campaign's lead and appraising agency in force today (R26: who acts for it), from the graph. */
    campaignAgencies: campaignAgenciesLoader(s.graph),
    ownerTasks: groupedLoader<AssignedTask>((t) => t.ownerUnitId, (ids) => s.tasks.ofOwners(ids)),
    taskProgress: groupedLoader<TaskProgress>((p) => p.taskId, (ids) => s.tasks.progressOf(ids)),
    /** A campaign's classification rule (null: none set), one query for every campaign asked. */
    campaignRule: new DataLoader<string, ClassificationRule | null>(async (ids) => {
      const rules = await s.rankings.rulesOf(ids);
      return ids.map((id) => rules.get(id) ?? null);
    }),
    /** Every unit's rank within its kind in a campaign's year (`OrgUnit.rank`): one ranked year per (campaign, year). */
    yearRanks: new DataLoader<RankGroup, Map<string, number>, string>(
      (groups) => Promise.all(groups.map((g) => s.rankings.ranksOf(g.campaignId, g.year))),
      { cacheKeyFn: (g) => `${g.campaignId}|${g.year}` },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface ScoringContext extends BaseContext {
  services: Services;
  loaders: Loaders;
}
