export { scoringEntities, startScoring, type RunningScoring } from './service';
export { frameworkToWorkbook } from './framework/framework.excel';
export type { FrameworkSpec } from './framework/framework.types';
export { openScoringDatabase, seedScoring } from './preset/seed';
