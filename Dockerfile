# syntax=docker/dockerfile:1
# Keel as a container: the standalone Next.js server on a slim Node image, without the Prisma
# CLI or dev dependencies. Migrations are a separate, one-shot run of the `tools` target:
#
#   docker build -t keel .
#   docker build --target tools -t keel-tools .
#   docker run --rm -e DATABASE_URL=… keel-tools            # npm run db:migrate, then exits
#   docker run -p 3000:3000 --env-file .env.production keel
#
# compose.yaml wires both, with PostgreSQL and Redis. README: "Self-hosting with Docker".

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

# Every dependency, dev ones included: the build and the Prisma CLI need them. The postinstall
# script generates the Prisma client into lib/generated from the schema.
FROM base AS deps
# The Prisma CLI's schema engine links against OpenSSL; the runtime image needs no engine.
RUN apt-get update \
  && apt-get install -y --no-install-recommends openssl ca-certificates \
  && rm -rf /var/lib/apt/lists/*
# As the image's unprivileged user from here on: the Prisma CLI fetches its engine into
# node_modules at first use, which must then be writable by whoever runs the migrations.
RUN chown node:node /app
USER node
COPY --chown=node:node package.json package-lock.json prisma.config.ts ./
COPY --chown=node:node prisma ./prisma
RUN npm ci --no-audit --no-fund

# The source with every dependency: migrations (the default command), seeding, `npm run staff`,
# and the Upstash REST proxy compose.yaml runs in front of Redis.
FROM deps AS tools
COPY --chown=node:node . .
CMD ["npm", "run", "db:migrate"]

FROM tools AS build
# KEEL_STANDALONE=1 turns on `output: "standalone"` (next.config.ts).
RUN KEEL_STANDALONE=1 npm run build

# Only what `node server.js` reads: the traced server with the node_modules it imports, and the
# static files Next.js leaves to a CDN or, here, to the server itself.
FROM base AS runner
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
USER node
EXPOSE 3000
# Liveness (README, "Health"): the database and Redis answer. Slim images have no curl.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(8000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
