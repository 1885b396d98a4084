import { PassThrough } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
import { AppError, type Actor } from '@pay/common';
import { sendFile } from '../../../uploads/file-upload.client';
import { MultipartRequestError } from '../../../uploads/multipart-operations';
import type { UploadTarget } from '../../../uploads/upload-targets';

/** The form's text fields (`person`, `code`, `remark`) and the stored voucher's upload id. */
export interface ReceivedVoucherForm {
  fields: Record<string, string>;
  /** Undefined when the form carried no `voucher` file. */
  uploadId: string | undefined;
}

/** The multipart part carrying the file (pay-admin-api.md: `voucher`). */
const VOUCHER_PART = 'voucher';

/**
 * Reads the legacy voucher form (multipart: person, voucher, code, remark) and streams the
 * `voucher` file to the settlement service as the GraphQL uploads do (`uploads/file-uploads.ts`:
 * the target's URL and headers, a signed SYSTEM actor `upload:<caller>` with the caller's
 * IP, never buffered). The service sniffs and keeps the file and answers its upload id; a
 * refused or over-large file is VOUCHER_INVALID, an unreachable service
 * DEPENDENCY_UNAVAILABLE.
 */
export function receiveVoucherForm(
  req: Request,
  target: UploadTarget,
  internalSecret: string,
  actor: Actor,
): Promise<ReceivedVoucherForm> {
  if (!req.is('multipart/form-data'))
    return Promise.reject(new AppError('BAD_USER_INPUT', 'the voucher form must be multipart/form-data'));
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 10, fieldSize: 4096, fileSize: target.maxFileBytes },
      });
    } catch {
      reject(new AppError('BAD_USER_INPUT', 'malformed multipart request'));
      return;
    }
    const fields: Record<string, string> = {};
    let problem: AppError | null = null;
    let upload: Promise<string> | null = null;
    const note = (error: AppError) => {
      problem ??= error;
    };

    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== VOUCHER_PART || upload) {
        stream.resume();
        return;
      }
      // Like file-uploads.ts: the part is always read to its end (busboy waits for it),
      // whatever becomes of the upload.
      const body = new PassThrough();
      const controller = new AbortController();
      const abandon = () => {
        stream.unpipe(body);
        stream.resume();
      };
      stream.on('limit', () => {
        note(new AppError('VOUCHER_INVALID', `the voucher is larger than ${target.maxFileBytes} bytes`));
        controller.abort();
        abandon();
      });
      stream.on('error', (error: Error) => body.destroy(error));
      stream.pipe(body);
      upload = sendFile(
        target,
        internalSecret,
        actor,
        body,
        { fileName: info.filename ?? '', mimeType: info.mimeType ?? '' },
        controller.signal,
      ).catch((error: unknown) => {
        abandon();
        // Aborted over the size limit: that reason is noted already.
        if (problem) throw problem;
        throw error instanceof MultipartRequestError && (error.status === 400 || error.status === 413)
          ? new AppError('VOUCHER_INVALID', 'the settlement service refused the voucher')
          : new AppError('DEPENDENCY_UNAVAILABLE', `the voucher upload failed: ${String(error)}`);
      });
    });
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      if (error) note(new AppError('BAD_USER_INPUT', `malformed multipart request: ${error.message}`));
      (upload ?? Promise.resolve(undefined)).then(
        (uploadId) => (problem ? reject(problem) : resolve({ fields, uploadId })),
        (failure: unknown) =>
          reject(problem ?? (failure instanceof AppError ? failure : new AppError('DEPENDENCY_UNAVAILABLE'))),
      );
    };
    parser.on('error', (error: Error) => finish(error));
    parser.on('close', () => finish());
    req.pipe(parser);
  });
}
