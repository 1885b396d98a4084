export * from './job-queue';
export * from './partition-maintenance';
