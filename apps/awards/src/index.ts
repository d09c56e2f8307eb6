export { awardsEntities, startAwards, type RunningAwards } from './service';
