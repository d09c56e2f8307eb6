// First: traces (when configured) must instrument the libraries before anything loads them.
import '@thidua/platform/start-tracing';
import { loadPlatformConfig, runService } from '@thidua/platform';
import { startScoring } from './service';

runService(() => startScoring(loadPlatformConfig('scoring', 4002)));
