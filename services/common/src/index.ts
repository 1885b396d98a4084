import 'reflect-metadata';

export * from './auth';
export * from './config';
export * from './db';
export * from './errors';
export * from './federation/federated-schema';
export * from './files/content-store';
export * from './graphql';
export * from './http';
export * from './ids';
export * from './jobs';
export * from './logging';
export * from './metrics';
export * from './money';
export * from './outbox';
export * from './signatures';
export * from './time';
export * from './testkit';
