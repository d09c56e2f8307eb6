// First: traces (when configured) must instrument the libraries before anything loads them.
import '@thidua/platform/start-tracing';
import { loadPlatformConfig, runService } from '@thidua/platform';
import { startReporting } from './service';

runService(() => startReporting(loadPlatformConfig('reporting', 4004)));
