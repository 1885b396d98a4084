export * from './money';
export * from './fee-split';
export * from './money.scalar';
export * from './amount-argument';
