export * from './service-app';
export * from './subgraph-server';
