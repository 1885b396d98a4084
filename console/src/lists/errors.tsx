import { Alert } from 'antd';
import type { CombinedError } from 'urql';

/** The graph's typed error, as the operator should read it: its code and message. */
export function describeError(error: CombinedError | Error | null | undefined): string | null {
  if (!error) return null;
  if ('graphQLErrors' in error && error.graphQLErrors.length > 0)
    return error.graphQLErrors
      .map((e) => `${String(e.extensions?.code ?? 'ERROR')}: ${e.message}`)
      .join('; ');
  return error.message;
}

export function ErrorAlert({ error }: { error: CombinedError | Error | null | undefined }) {
  const text = describeError(error);
  return text ? <Alert type="error" showIcon message={text} style={{ marginBottom: 16 }} /> : null;
}
