export { reportingEntities, startReporting, type RunningReporting } from './service';
