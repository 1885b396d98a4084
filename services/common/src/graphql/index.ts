export * from './pagination';
export * from './input-guard';
