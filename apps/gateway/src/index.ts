export { composeSupergraph, SUPERGRAPH_PATH } from './compose';
export { loadGatewayConfig, type GatewayConfig } from './config';
export { formatGatewayError, gatewayEntities, startGateway, type GatewayContext, type GatewayOptions, type RunningGateway } from './gateway';
export { SUBGRAPHS } from './subgraphs';
