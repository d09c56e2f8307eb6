export { scoringEntities, startScoring, type RunningScoring } from './service';
