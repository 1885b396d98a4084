import { parseSignedYuan } from '@pay/common';

/**
 * The graph's Money string ("23.00", "-1.50") as integer fen, the unit several legacy APIs
 * show amounts in. The graph has no fen fields: the conversion happens here, at the edge.
 */
export const fen = (money: string): number => parseSignedYuan(money);
