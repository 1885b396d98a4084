import { BigIntType } from '@mikro-orm/core';

/**
 * Column options for an amount in fen: `bigint` in PostgreSQL, a JS number in code
 * (exact up to 2^53 fen, far above any amount the platform accepts).
 */
export const fenColumn = () => ({ type: new BigIntType('number') });
