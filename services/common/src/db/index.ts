export * from './orm';
export * from './sql-statements';
export * from './database-url';
export * from './fen-column';
export * from './pg-array';
export * from './service-roles';
export * from './plain-rows';
export * from './monthly-partitions';
