// First: traces (when configured) must instrument the libraries before anything loads them.
import '@thidua/platform/start-tracing';
import { runService } from '@thidua/platform';
import { loadGatewayConfig } from './config';
import { startGateway } from './gateway';

runService(() => startGateway(loadGatewayConfig()));
