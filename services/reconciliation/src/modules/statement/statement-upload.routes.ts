import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { isAppError, logger, requireSignedCaller } from '@pay/common';
import { recordUpload } from './statement.service';
import type { StatementStore } from './statement-store';

/** Header carrying the uploaded file's name (URI-encoded). */
export const FILE_NAME_HEADER = 'x-statement-file-name';

/**
 * `POST /internal/statement-uploads`: the gateway streams a file of a GraphQL multipart
 * request here (signed SYSTEM actor only); it is stored content-addressed and its id (the
 * SHA-256) comes back as `{ uploadId }` for the `importStatement` mutation. Nothing is
 * imported yet.
 */
export function statementUploadRoutes(
  orm: MikroORM,
  store: StatementStore,
  options: { internalSecret: string; maxBytes: number },
): Router {
  const router = express.Router();
  router.post(
    '/internal/statement-uploads',
    requireSignedCaller(options.internalSecret),
    async (req, res) => {
      let fileName = 'statement';
      try {
        fileName = decodeURIComponent(req.header(FILE_NAME_HEADER) ?? '') || fileName;
      } catch {
        // A malformed name is not worth failing the upload for.
      }
      try {
        const stored = await store.save(req, { maxBytes: options.maxBytes });
        await recordUpload(orm.em.fork(), stored, fileName);
        res.json({ uploadId: stored.hash, size: stored.size });
      } catch (error) {
        if (isAppError(error)) {
          res.status(400).json({ code: error.code, message: error.message });
          return;
        }
        logger().error({ err: error }, 'statement upload failed');
        res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
      }
    },
  );
  return router;
}
