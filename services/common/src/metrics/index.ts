export * from './metrics';
export * from './graphql-metrics-plugin';
export * from './metrics-server';
