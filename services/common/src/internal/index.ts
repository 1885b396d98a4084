export * from './internal-client';
export * from './settlement-money.contract';
