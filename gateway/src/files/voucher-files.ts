import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Request, RequestHandler, Response } from 'express';
import { logger, type Actor } from '@pay/common';
import { openVoucher, type VoucherClientOptions } from './voucher.client';

export type VoucherFileOptions = VoucherClientOptions;

/** A voucher's id: the SHA-256 of its content, as the upload returned it. */
const VOUCHER_ID = /^[0-9a-f]{64}$/i;

/** Headers of the stored file that the caller gets back as they are. */
const PASSED_HEADERS = ['content-type', 'content-length', 'content-disposition', 'cache-control'];

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * `GET /files/vouchers/:sha256`, after `authenticate`: streams a settlement voucher from
 * the settlement service (`GET /internal/vouchers/:sha256`), which decides with the
 * caller's signed actor whether they may see it. The file's status and headers come back
 * as they are; a missing voucher is 404, an unreachable service 502.
 */
export function voucherFiles(options: VoucherFileOptions): RequestHandler {
  return async (req: Request, res: Response): Promise<void> => {
    const id = String(req.params.sha256 ?? '');
    if (!VOUCHER_ID.test(id)) {
      fail(res, 400, 'BAD_REQUEST', 'a voucher id is the SHA-256 the upload returned (64 hex digits)');
      return;
    }
    const actor = res.locals.actor as Actor;
    // Given up when the caller goes away, mid-file too.
    const controller = new AbortController();
    const onClose = () => controller.abort();
    res.once('close', onClose);
    let upstream: globalThis.Response;
    try {
      upstream = await openVoucher(options, actor, id, controller.signal);
    } catch (error) {
      res.off('close', onClose);
      if (!res.writableEnded && !res.destroyed) {
        logger().warn({ err: error }, 'voucher download: settlement service unreachable');
        fail(res, 502, 'DEPENDENCY_UNAVAILABLE', 'the settlement service is unavailable');
      }
      return;
    }
    if (!upstream.ok || !upstream.body) {
      res.off('close', onClose);
      await upstream.body?.cancel().catch(() => undefined);
      if (upstream.status === 404) fail(res, 404, 'NOT_FOUND', `no voucher ${id}`);
      else if (upstream.status === 403) fail(res, 403, 'FORBIDDEN', 'this voucher is not yours to see');
      else {
        logger().warn({ status: upstream.status }, 'voucher download: settlement service refused');
        fail(res, 502, 'DEPENDENCY_UNAVAILABLE', `the settlement service answered ${upstream.status}`);
      }
      return;
    }
    res.status(upstream.status);
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    // Uploaded content: never let a browser guess a more dangerous type than the stored one.
    res.setHeader('x-content-type-options', 'nosniff');
    // Only the caller may see it: no shared cache keeps it unless the service said how.
    if (!upstream.headers.has('cache-control')) res.setHeader('cache-control', 'private, no-store');
    try {
      await pipeline(Readable.fromWeb(upstream.body as WebReadableStream), res);
    } catch (error) {
      // The caller left, or the service broke off mid-file: nothing more can be sent.
      logger().debug({ err: error }, 'voucher download interrupted');
    } finally {
      res.off('close', onClose);
    }
  };
}
