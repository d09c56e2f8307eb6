import { loadPlatformConfig, runService } from '@thidua/platform';
import { startAwards } from './service';

runService(() => startAwards(loadPlatformConfig('awards', 4003)));
