export { createGatewayServer, type GatewayServer } from './server';
export { loadGatewayConfig, type GatewayConfig } from './config';
export { composeSupergraph, type SubgraphSdl } from './schema/compose';
