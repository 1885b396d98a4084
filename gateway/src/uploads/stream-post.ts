import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';

/** Largest answer read from a service (its JSON is a few hundred bytes). */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface StreamedAnswer {
  status: number;
  /** The parsed JSON answer, or `{}` when it was not JSON. */
  body: Record<string, unknown>;
}

/**
 * POSTs a stream and resolves with the service's status and JSON answer. Unlike `fetch`,
 * an answer that arrives before the whole body was sent still counts: a service that
 * refuses a file at its first bytes (a voucher that is no image) may close the connection
 * without reading the rest, and the client must see that refusal, not a broken pipe.
 */
export function postStream(
  url: string,
  headers: Record<string, string>,
  body: Readable,
  signal: AbortSignal,
): Promise<StreamedAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      method: 'POST',
      headers,
      signal,
    });
    let answered = false;
    request.on('response', (response: IncomingMessage) => {
      answered = true;
      // Whatever is still unsent is not wanted any more: let it run off rather than stall
      // the multipart request it comes from.
      body.unpipe(request);
      body.resume();
      readAnswer(response).then(
        (answer) => {
          // An answer before the whole body went out: this connection is done for.
          if (!request.writableFinished) request.destroy();
          resolve(answer);
        },
        (error: unknown) => {
          request.destroy();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    // After an answer, a write error is only the service closing on the unsent rest.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    body.on('error', (error) => request.destroy(error));
    body.pipe(request);
  });
}

async function readAnswer(response: IncomingMessage): Promise<StreamedAnswer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > MAX_ANSWER_BYTES) throw new Error(`the answer is larger than ${MAX_ANSWER_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  let body: unknown = {};
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    // Not JSON: the caller judges by the status alone.
  }
  return {
    status: response.statusCode ?? 0,
    body:
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : {},
  };
}
