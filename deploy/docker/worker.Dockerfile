# HealthCare worker role: the pg-boss job runner (apps/worker), which also carries the migration
# command used by the release step (`node --import tsx packages/core/src/db/migrate-command.ts`).
# Build from the repository root:
#   docker build -f deploy/docker/worker.Dockerfile -t healthcare-worker .

# Node 20.20.2 is the runtime the suite runs on; bookworm matches the Debian 12 it is tested on.
FROM node:20.20.2-bookworm-slim AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# npm 11 honours package.json's allowScripts (see web.Dockerfile).
RUN npm install --global --no-audit --no-fund npm@11.19.1
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY packages/core/package.json packages/core/
COPY packages/ai/package.json packages/ai/
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY apps/stt/package.json apps/stt/
COPY scripts/build-whisper-engine.mjs scripts/
# An embedded-STT worker may run on another CPU than the builder's: fixed flags.
ENV WHISPER_CFLAGS="-O3 -mavx2 -mfma -mf16c"

FROM toolchain AS production-deps
RUN npm ci --omit=dev --no-audit --no-fund \
 # The embedded LLM runs on llama.cpp's CPU prebuilt only (getLlama({ gpu: false })).
 && rm -rf node_modules/@node-llama-cpp/linux-x64-cuda node_modules/@node-llama-cpp/linux-x64-cuda-ext \
           node_modules/@node-llama-cpp/linux-x64-vulkan node_modules/@node-llama-cpp/linux-arm*

FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production METRICS_PORT=9464 METRICS_HOST=0.0.0.0 DATA_DIR=/app/data
WORKDIR /app
COPY --from=production-deps /app ./
COPY packages/core/src packages/core/src
COPY packages/ai/src packages/ai/src
COPY apps/worker/src apps/worker/src
COPY deploy/docker/healthcheck.mjs deploy/docker/
COPY tsconfig.json tsconfig.base.json ./
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 9464
# The worker serves no API; its metrics endpoint answering means the process and its loop are alive.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node deploy/docker/healthcheck.mjs "http://127.0.0.1:${METRICS_PORT}/metrics"
CMD ["node", "--import", "tsx", "apps/worker/src/main.ts"]
