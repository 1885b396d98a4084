export * from './internal-client';
export * from './settlement-money.contract';
export * from './merchant-security.contract';
export * from './order-events.contract';
export * from './signature-verdicts.contract';
export * from './internal-route';
