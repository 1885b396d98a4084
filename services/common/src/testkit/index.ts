export * from './test-database';
export * from './graphql-client';
export * from './actors';
export * from './merchant-receiver';
export * from './assertions';
export * from './service-test-database';
export * from './test-subgraph';
export * from './partitions';
