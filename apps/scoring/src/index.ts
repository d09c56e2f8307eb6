export { scoringEntities, startScoring, type RunningScoring } from './service';
export { frameworkToWorkbook } from './framework/framework.excel';
export type { FrameworkSpec } from './framework/framework.types';
export { openScoringDatabase, seedScoring } from './preset/seed';
export { ScoreImportService, type ScoreImportInput } from './score-import/score-import.service';
export { bulkTemplate, type TemplateRow } from './score-import/score-import.excel';
