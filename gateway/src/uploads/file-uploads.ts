import { PassThrough } from 'node:stream';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import busboy from 'busboy';
import type { Actor } from '@pay/common';
import { MultipartRequestError, parseFileMap, parseOperations, setAtPath } from './multipart-operations';
import { sendFile } from './file-upload.client';
import { targetOfOperation, type UploadTarget, type UploadTargets } from './upload-targets';

export interface FileUploadOptions {
  /** Mutation field → where its files go (see `uploadTargets`). */
  targets: UploadTargets;
  internalSecret: string;
  /** Most file parts in one request. */
  maxFiles?: number;
}

/** Roles that may send files (importing statements and settling are for operators). */
const UPLOADERS: readonly Actor['role'][] = ['OPERATOR', 'SYSTEM'];

function fail(res: Response, error: MultipartRequestError): void {
  const code =
    error.code ??
    (error.status === 413
      ? 'PAYLOAD_TOO_LARGE'
      : error.status === 502
        ? 'DEPENDENCY_UNAVAILABLE'
        : 'BAD_REQUEST');
  res.status(error.status).json({ errors: [{ message: error.message, extensions: { code } }] });
}

/**
 * GraphQL multipart requests at `/graphql`. Apollo Gateway cannot forward uploads, so
 * this middleware — after `authenticate`, before Apollo — streams each file part to the
 * service that owns the mutation (`upload-targets.ts`: statements to reconciliation,
 * vouchers to settlement; signed SYSTEM actor `upload:<caller>` with the caller's IP),
 * which stores it content-addressed and returns its id; the ids replace the `null`s the
 * `map` field points at, and the request goes on as an ordinary JSON GraphQL request
 * (e.g. `importStatement(input: { file: <id>, … })`).
 *
 * Like Apollo's own CSRF prevention, a multipart request must carry a non-empty
 * `apollo-require-preflight` (or `x-apollo-operation-name`) header: a browser cannot
 * send one cross-origin without a preflight. Only OPERATOR and SYSTEM tokens may upload.
 * Files are streamed, never buffered; one larger than its target's limit is refused
 * (413). A service's 400 refusal reaches the client with the service's code and message.
 */
export function fileUploads(options: FileUploadOptions): RequestHandler {
  const maxFiles = options.maxFiles ?? 5;
  // busboy's own limit is the largest of any target (a backstop); each file is held to
  // its target's limit as it streams.
  const busboyMaxBytes = Math.max(...[...options.targets.values()].map((t) => t.maxFileBytes));
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
    const preflight = req.header('apollo-require-preflight') || req.header('x-apollo-operation-name');
    if (!preflight) {
      fail(
        res,
        new MultipartRequestError(
          'multipart requests need a non-empty apollo-require-preflight (or x-apollo-operation-name) header (CSRF prevention)',
        ),
      );
      return;
    }
    const actor = res.locals.actor as Actor | undefined;
    if (!actor || !UPLOADERS.includes(actor.role)) {
      fail(res, new MultipartRequestError('only operators may upload files', 403, 'FORBIDDEN'));
      return;
    }

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers and fetch send file names as raw UTF-8 (e.g. 支付宝 bill names).
        defParamCharset: 'utf8',
        limits: { fileSize: busboyMaxBytes, files: maxFiles, fields: 2, fieldSize: 1024 * 1024 },
      });
    } catch (error) {
      fail(res, new MultipartRequestError(`malformed multipart request: ${(error as Error).message}`));
      return;
    }
    let operations: ReturnType<typeof parseOperations> | null = null;
    let target: UploadTarget | null = null;
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
        if (name === 'operations') {
          operations = parseOperations(value);
          target = targetOfOperation(operations, options.targets);
        } else if (name === 'map') {
          map = parseFileMap(value);
          // Every path must exist before any file is sent on: a request that cannot be
          // completed should leave nothing behind at the services.
          if (operations) {
            const probe = structuredClone(operations);
            for (const paths of map.values()) for (const path of paths) setAtPath(probe, path, '');
          }
        }
      } catch (error) {
        note(error);
      }
    });
    parser.on('file', (name, stream, info) => {
      if (problem || !operations || !target || !map || !map.has(name)) {
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
      const to: UploadTarget = target;
      // The file goes through a PassThrough so that, whatever happens to the upload, the
      // part itself is always read to its end: busboy waits for every part to end.
      const body = new PassThrough();
      const controller = new AbortController();
      let abandoned = false;
      const abandon = () => {
        abandoned = true;
        stream.unpipe(body);
        stream.resume();
      };
      const tooLarge = () => {
        if (abandoned) return;
        note(new MultipartRequestError(`a ${to.kind} file is larger than ${to.maxFileBytes} bytes`, 413));
        controller.abort();
        abandon();
      };
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > to.maxFileBytes) tooLarge();
      });
      stream.on('limit', tooLarge);
      stream.pipe(body);
      stream.on('error', (error: Error) => body.destroy(error));
      uploads.push(
        sendFile(
          to,
          options.internalSecret,
          actor,
          body,
          { fileName: info.filename ?? '', mimeType: info.mimeType ?? '' },
          controller.signal,
        ).then(
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
        const body = operations as ReturnType<typeof parseOperations>;
        if (!problem) {
          try {
            for (const [name, paths] of map as Map<string, string[]>) {
              for (const path of paths) setAtPath(body, path, received.get(name) as string);
            }
          } catch (error) {
            note(error);
          }
        }
        if (problem) {
          fail(res, problem);
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
