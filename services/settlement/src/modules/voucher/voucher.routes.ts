import express, { type Router } from 'express';
import { isAppError, logger, requireSignedCaller, ROLES, SHA256_HEX, type Actor } from '@pay/common';
import type { SettlementRuntime } from '../../context';
import { readableVoucher, recordVoucherFile } from './voucher.service';

/** Header carrying the uploaded file's name (URI-encoded). */
export const VOUCHER_FILE_NAME_HEADER = 'x-voucher-file-name';

function fileNameOf(header: string | undefined): string {
  try {
    return decodeURIComponent(header ?? '').trim() || 'voucher';
  } catch {
    // A malformed name is not worth refusing the file for.
    return 'voucher';
  }
}

/**
 * `POST /internal/voucher-uploads`: the gateway streams a voucher file of a GraphQL
 * multipart request here (signed SYSTEM actor only). It is kept content-addressed when its
 * content is an image or a PDF within the size limit, and its id (the SHA-256) answers as
 * `{ uploadId, size, contentType }` for `settleSettlement`. A refused file answers 400
 * `{ code: 'VOUCHER_INVALID', message }` and nothing is kept.
 *
 * `GET /internal/vouchers/:sha256`: the file, for the gateway's authenticated
 * `/files/vouchers/<sha256>` (a signed actor of any role; a merchant only gets vouchers of
 * its own settlements, anything else is 404 so ids cannot be probed).
 */
export function voucherRoutes(runtime: SettlementRuntime): Router {
  const { orm, config, vouchers } = runtime;
  const router = express.Router();

  router.post(
    '/internal/voucher-uploads',
    requireSignedCaller(config.auth.internalSecret),
    async (req, res) => {
      const actor = res.locals.actor as Actor;
      const fileName = fileNameOf(req.header(VOUCHER_FILE_NAME_HEADER));
      try {
        const voucher = await vouchers.saveVoucher(req, { maxBytes: config.vouchers.maxBytes });
        await recordVoucherFile(orm.em.fork(), voucher, fileName, actor.sub);
        res.json({ uploadId: voucher.sha256, size: voucher.size, contentType: voucher.contentType });
      } catch (error) {
        if (isAppError(error)) {
          // Read the rest of a refused body before answering: closing the connection instead
          // would reset it under the gateway, which then could not relay the refusal.
          req.resume();
          res.status(400).json({ code: error.code, message: error.message });
          return;
        }
        if (req.destroyed) {
          // The gateway gave up on the upload (e.g. over its own size limit): nothing to answer.
          logger().warn({ err: error }, 'voucher upload abandoned by the caller');
          return;
        }
        logger().error({ err: error }, 'voucher upload failed');
        res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
      }
    },
  );

  router.get(
    '/internal/vouchers/:sha256',
    requireSignedCaller(config.auth.internalSecret, [...ROLES]),
    async (req, res) => {
      const sha256 = String(req.params.sha256);
      const notFound = () => res.status(404).json({ code: 'NOT_FOUND', message: 'no such voucher' });
      if (!SHA256_HEX.test(sha256)) return notFound();
      const file = await readableVoucher(orm.em.fork(), res.locals.actor as Actor, sha256);
      if (!file || !(await vouchers.has(sha256))) return notFound();
      res.setHeader('content-type', file.contentType);
      res.setHeader('content-length', String(file.size));
      res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      // The type was sniffed on upload; browsers must not guess another (no HTML from a "PNG").
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('cache-control', 'private, max-age=3600');
      const stream = vouchers.open(sha256);
      stream.on('error', (error) => {
        logger().error({ err: error, sha256 }, 'reading a voucher failed');
        res.destroy(error);
      });
      stream.pipe(res);
    },
  );
  return router;
}
