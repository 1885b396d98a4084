export * from './service-app';
export * from './subgraph-server';
export * from './shutdown';
export * from './signed-caller';
export * from './run-service';
export * from './graphql-body-errors';
export * from './subgraph-service';
