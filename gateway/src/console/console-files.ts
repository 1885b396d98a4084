import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

/**
 * The console's static build at /console: hashed assets cached for a year (their names
 * change with their content), index.html never cached, and every other GET under
 * /console answered with index.html so the browser's router shows the screen (SPA
 * fallback). Without a build the answer says how to make one.
 */
export function consoleFiles(dir: string): Router {
  const router = express.Router();
  const index = join(dir, 'index.html');
  router.use(
    '/console/assets',
    express.static(join(dir, 'assets'), {
      index: false,
      fallthrough: false,
      immutable: true,
      maxAge: '365d',
    }),
  );
  router.use('/console', express.static(dir, { index: false, maxAge: '1h' }));
  router.get(['/console', '/console/{*path}'], (_req, res) => {
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The console is not built: run `npm run build` (or `npm start`).');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
