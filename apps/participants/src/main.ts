import { loadPlatformConfig, runService } from '@thidua/platform';
import { startParticipants } from './service';

runService(() => startParticipants(loadPlatformConfig('participants', 4001)));
