import { loadPlatformConfig, runService } from '@thidua/platform';
import { startReporting } from './service';

runService(() => startReporting(loadPlatformConfig('reporting', 4004)));
