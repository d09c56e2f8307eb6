export { reportingEntities, startReporting, type RunningReporting } from './service';
export { loadReportingSettings, type ReportingSettings } from './config';
export { startReportWorker } from './worker';
export { openReportingDatabase, seedReporting } from './preset/seed';
