import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { ACTOR_HEADER, logger, requestIdHeader, signActorHeader, type Actor } from '@pay/common';
import { MultipartRequestError } from './multipart-operations';
import type { UploadTarget } from './upload-targets';

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

/** A code a service may choose for its refusal (the registry's SCREAMING_SNAKE form). */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Streams one file to its target service as a SYSTEM actor named after the caller;
 * resolves with its upload id (the SHA-256). Also used by the `/pay/settlement/` POST.
 */
export async function sendFile(
  target: UploadTarget,
  internalSecret: string,
  actor: Actor,
  stream: Readable,
  file: { fileName: string; mimeType: string },
  signal: AbortSignal,
): Promise<string> {
  // The service sees the gateway's upload on the caller's behalf, not the caller itself:
  // a SYSTEM actor named after the caller, with the caller's IP.
  const uploader: Actor = { sub: `upload:${actor.sub}`.slice(0, 200), role: 'SYSTEM' };
  if (actor.ip) uploader.ip = actor.ip;
  const { status, body: answer } = await postStream(
    target.url,
    {
      ...target.headers(file),
      [ACTOR_HEADER]: signActorHeader(uploader, internalSecret),
      ...requestIdHeader(),
    },
    stream,
    signal,
  );
  if (status >= 200 && status < 300 && typeof answer.uploadId === 'string' && answer.uploadId)
    return answer.uploadId;
  logger().warn({ status: status, answer, kind: target.kind }, 'file upload refused');
  const message =
    typeof answer.message === 'string' && answer.message
      ? answer.message
      : `the ${target.kind} service refused the file (${status})`;
  if (status === 400)
    throw new MultipartRequestError(
      message,
      400,
      typeof answer.code === 'string' && ERROR_CODE.test(answer.code) ? answer.code : undefined,
    );
  if (status === 413) throw new MultipartRequestError(message, 413);
  throw new MultipartRequestError(`the ${target.kind} upload failed (${status})`, 502);
}
