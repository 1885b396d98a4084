export * from './actor';
export * from './jwt';
export * from './actor-header';
export * from './authorize';
