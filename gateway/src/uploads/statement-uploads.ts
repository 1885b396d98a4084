import { PassThrough, Readable } from 'node:stream';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import busboy from 'busboy';
import { ACTOR_HEADER, logger, signActorHeader, type Actor } from '@pay/common';
import { MultipartRequestError, parseFileMap, parseOperations, setAtPath } from './multipart-operations';

export interface StatementUploadOptions {
  /** The reconciliation service's base URL (no /graphql). */
  reconciliationUrl: string;
  internalSecret: string;
  maxFileBytes: number;
  /** Most file parts in one request. */
  maxFiles?: number;
}

/** Roles that may send files (importing statements is for operators). */
const UPLOADERS: readonly Actor['role'][] = ['OPERATOR', 'SYSTEM'];

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * GraphQL multipart requests (statement files) at `/graphql`. Apollo Gateway cannot
 * forward uploads, so this middleware — after `authenticate`, before Apollo — streams
 * each file part to the reconciliation service (`POST /internal/statement-uploads`,
 * signed SYSTEM actor), which stores it content-addressed and returns its id; the ids
 * replace the `null`s the `map` field points at, and the request goes on as an ordinary
 * JSON GraphQL request (e.g. `importStatement(input: { file: <id>, … })`).
 *
 * Like Apollo's own CSRF prevention, a multipart request must carry a non-empty
 * `apollo-require-preflight` (or `x-apollo-operation-name`) header: a browser cannot
 * send one cross-origin without a preflight. Only OPERATOR and SYSTEM tokens may upload.
 * Files are streamed, never buffered; one larger than `maxFileBytes` is refused (413).
 */
export function statementUploads(options: StatementUploadOptions): RequestHandler {
  const maxFiles = options.maxFiles ?? 5;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
    const preflight = req.header('apollo-require-preflight') || req.header('x-apollo-operation-name');
    if (!preflight) {
      fail(
        res,
        400,
        'BAD_REQUEST',
        'multipart requests need a non-empty apollo-require-preflight (or x-apollo-operation-name) header (CSRF prevention)',
      );
      return;
    }
    const actor = res.locals.actor as Actor | undefined;
    if (!actor || !UPLOADERS.includes(actor.role)) {
      fail(res, 403, 'FORBIDDEN', 'only operators may upload files');
      return;
    }

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers and fetch send file names as raw UTF-8 (e.g. 支付宝 bill names).
        defParamCharset: 'utf8',
        limits: { fileSize: options.maxFileBytes, files: maxFiles, fields: 2, fieldSize: 1024 * 1024 },
      });
    } catch (error) {
      fail(res, 400, 'BAD_REQUEST', `malformed multipart request: ${(error as Error).message}`);
      return;
    }
    let operations: ReturnType<typeof parseOperations> | null = null;
    let map: Map<string, string[]> | null = null;
    let problem: MultipartRequestError | null = null;
    const uploads: Promise<[string, string]>[] = [];
    const note = (error: unknown) => {
      problem ??=
        error instanceof MultipartRequestError
          ? error
          : new MultipartRequestError(`the upload failed: ${(error as Error).message}`, 502);
    };

    parser.on('field', (name, value) => {
      try {
        if (name === 'operations') operations = parseOperations(value);
        else if (name === 'map') map = parseFileMap(value);
      } catch (error) {
        note(error);
      }
    });
    parser.on('file', (name, stream, info) => {
      if (problem || !operations || !map || !map.has(name)) {
        if (!problem)
          note(
            new MultipartRequestError(
              !operations || !map
                ? '"operations" and "map" must come before the files'
                : `file part "${name}" is not in "map"`,
            ),
          );
        stream.resume();
        return;
      }
      // The file goes through a PassThrough so that, whatever happens to the upload, the
      // part itself is always read to its end: busboy waits for every part to end.
      const body = new PassThrough();
      const controller = new AbortController();
      const abandon = () => {
        stream.unpipe(body);
        stream.resume();
      };
      stream.pipe(body);
      stream.on('limit', () => {
        note(new MultipartRequestError(`a file is larger than ${options.maxFileBytes} bytes`, 413));
        controller.abort();
        abandon();
      });
      stream.on('error', (error: Error) => body.destroy(error));
      uploads.push(
        sendToReconciliation(options, actor, body, info.filename ?? 'statement', controller.signal).then(
          (id) => [name, id] as [string, string],
          (error: unknown) => {
            note(error);
            abandon();
            return [name, ''] as [string, string];
          },
        ),
      );
    });
    parser.on('filesLimit', () =>
      note(new MultipartRequestError(`at most ${maxFiles} files per request`, 413)),
    );
    parser.on('error', (error: Error) => {
      note(new MultipartRequestError(`malformed multipart request: ${error.message}`));
      finish();
    });
    parser.on('close', () => finish());

    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      void Promise.all(uploads).then((ids) => {
        if (!problem && (!operations || !map))
          note(new MultipartRequestError('"operations" and "map" are required'));
        const received = new Map(ids);
        if (!problem) {
          for (const name of (map as Map<string, string[]>).keys()) {
            if (!received.has(name)) note(new MultipartRequestError(`file part "${name}" is missing`));
          }
        }
        if (problem) {
          const error = problem as MultipartRequestError;
          fail(res, error.status, error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', error.message);
          return;
        }
        const body = operations as ReturnType<typeof parseOperations>;
        try {
          for (const [name, paths] of map as Map<string, string[]>) {
            for (const path of paths) setAtPath(body, path, received.get(name) as string);
          }
        } catch (error) {
          note(error);
          const e = problem as unknown as MultipartRequestError;
          fail(res, e.status, 'BAD_REQUEST', e.message);
          return;
        }
        // From here on it is an ordinary JSON GraphQL request (the body is consumed already).
        req.body = body;
        req.headers['content-type'] = 'application/json';
        next();
      });
    };
    req.pipe(parser);
  };
}

/** Streams one file to the reconciliation service; resolves with its upload id (the SHA-256). */
async function sendToReconciliation(
  options: StatementUploadOptions,
  actor: Actor,
  stream: Readable,
  fileName: string,
  signal: AbortSignal,
): Promise<string> {
  const response = await fetch(`${options.reconciliationUrl}/internal/statement-uploads`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      [ACTOR_HEADER]: signActorHeader(
        { sub: `upload:${actor.sub}`.slice(0, 200), role: 'SYSTEM' },
        options.internalSecret,
      ),
      'x-statement-file-name': encodeURIComponent(fileName || 'statement'),
    },
    body: Readable.toWeb(stream) as ReadableStream,
    duplex: 'half',
    signal,
  } as RequestInit & { duplex: 'half' });
  const answer = (await response.json().catch(() => ({}))) as { uploadId?: string; message?: string };
  if (!response.ok || !answer.uploadId) {
    logger().warn({ status: response.status, answer }, 'statement upload refused');
    throw new MultipartRequestError(
      `the reconciliation service refused the file: ${answer.message ?? response.status}`,
      response.status === 400 ? 400 : 502,
    );
  }
  return answer.uploadId;
}
