// First: traces (when configured) must instrument the libraries before anything loads them.
import '@thidua/platform/start-tracing';
import { loadPlatformConfig, runService } from '@thidua/platform';
import { startAwards } from './service';

runService(() => startAwards(loadPlatformConfig('awards', 4003)));
