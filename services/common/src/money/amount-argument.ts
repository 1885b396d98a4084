import { AppError } from '../errors/app-error';
import { MoneyFormatError, parseSignedYuan, parseYuan, type Fen } from './money';

/**
 * A yuan amount argument ("100.00") in fen, or INVALID_AMOUNT naming the argument:
 * `positive` (the default) refuses zero and negatives, `nonNegative` allows zero,
 * `nonZero` takes a sign ("-12.50") but refuses zero.
 */
export function amountArgument(
  text: string,
  argument = 'amount',
  kind: 'positive' | 'nonNegative' | 'nonZero' = 'positive',
): Fen {
  let fen: Fen;
  try {
    fen = kind === 'nonZero' ? parseSignedYuan(text) : parseYuan(text);
  } catch (error) {
    throw new AppError(
      'INVALID_AMOUNT',
      error instanceof MoneyFormatError ? error.message : 'invalid amount',
      {
        argument,
      },
    );
  }
  if (kind === 'positive' && fen <= 0) {
    throw new AppError('INVALID_AMOUNT', `${argument} must be greater than zero`, { argument });
  }
  if (kind === 'nonZero' && fen === 0) {
    throw new AppError('INVALID_AMOUNT', `${argument} must not be zero`, { argument });
  }
  return fen;
}
