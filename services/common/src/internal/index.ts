export * from './internal-client';
export * from './settlement-money.contract';
export * from './merchant-security.contract';
export * from './order-events.contract';
