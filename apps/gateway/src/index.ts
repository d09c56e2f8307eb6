export { composeSupergraph, SUPERGRAPH_PATH } from './compose';
export { loadGatewayConfig, type GatewayConfig } from './config';
export { formatGatewayError, startGateway, type GatewayContext } from './gateway';
export { SUBGRAPHS } from './subgraphs';
