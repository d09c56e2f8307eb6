import { loadPlatformConfig, runService } from '@thidua/platform';
import { startScoring } from './service';

runService(() => startScoring(loadPlatformConfig('scoring', 4002)));
