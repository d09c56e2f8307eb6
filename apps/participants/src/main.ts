// First: traces (when configured) must instrument the libraries before anything loads them.
import '@thidua/platform/start-tracing';
import { loadPlatformConfig, runService } from '@thidua/platform';
import { startParticipants } from './service';

runService(() => startParticipants(loadPlatformConfig('participants', 4001)));
