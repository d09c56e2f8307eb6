import { runService } from '@thidua/platform';
import { loadGatewayConfig } from './config';
import { startGateway } from './gateway';

runService(() => startGateway(loadGatewayConfig()));
