# syntax=docker/dockerfile:1
# The app as a container: a build stage that runs the project's own checks and build, then a final stage that
# holds only what scripts/pack.sh packs (build output, drizzle/ migrations, the shipped lenses/, package.json, the
# lock file and production dependencies) and runs as the unprivileged `node` user with its data in the /data volume.
# tests/e2e/artifact.e2e.ts reads this file: it runs the same pack script and starts the packed folder with this
# final stage's ENV, WORKDIR and CMD, on PGlite and on PostgreSQL. Keep the steps below in that shape.
# CMD runs build/server-entry.js (src/server-entry.js): every log line JSON, then adapter-node's own server.

FROM node:20.20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run check && npm run lint && npm run test:unit
RUN npm run build
RUN sh scripts/pack.sh /app

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
ENV PORT=3000
ENV DATA_DIR=/data
ENV SHUTDOWN_DELAY=5
ENV SHUTDOWN_TIMEOUT=20
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
	CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "build/server-entry.js"]
