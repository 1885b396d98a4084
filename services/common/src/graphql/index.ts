export * from './pagination';
export * from './input-guard';
export * from './keyed-loaders';
