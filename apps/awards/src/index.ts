export { awardsEntities, startAwards, type RunningAwards } from './service';
export { openAwardsDatabase, seedAwards } from './preset/seed';
