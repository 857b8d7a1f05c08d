# HealthCare web role: our Node HTTP server (apps/web/src/server/main.ts) serving /api, /healthz and
# /readyz itself and the Next.js pages through next(). Build from the repository root:
#   docker build -f deploy/docker/web.Dockerfile -t healthcare-web .
#
# Not Next.js `output: 'standalone'`: that mode emits its own server.js and traces only what the
# pages import. Our custom server (which keeps audio uploads away from Next's 10 MB body cut, see
# docs/architecture.md) is not traced, and Next documents the two as incompatible. The image
# instead ships the `next build` output with the production dependency tree, which is exactly
# what `npm start` runs.

# Node 20.20.2 is the runtime the suite runs on; bookworm matches the Debian 12 it is tested on.
FROM node:20.20.2-bookworm-slim AS toolchain
# Native addons (whisper.cpp via node-gyp) compile here, never in the runtime image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# npm 11 honours package.json's allowScripts: smart-whisper's and node-llama-cpp's own install
# steps stay off (our postinstall builds whisper.cpp with SIMD flags instead).
RUN npm install --global --no-audit --no-fund npm@11.19.1
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY packages/core/package.json packages/core/
COPY packages/ai/package.json packages/ai/
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY apps/stt/package.json apps/stt/
COPY scripts/build-whisper-engine.mjs scripts/
# The image may run on another CPU than the one that built it: fixed flags, not the builder's.
ENV WHISPER_CFLAGS="-O3 -mavx2 -mfma -mf16c"

FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
RUN npm run build && rm -rf apps/web/.next/cache

FROM toolchain AS production-deps
RUN npm ci --omit=dev --no-audit --no-fund \
 # GPU and foreign-architecture llama.cpp builds: the embedded LLM runs on the CPU prebuilt only.
 && rm -rf node_modules/@node-llama-cpp/linux-x64-cuda node_modules/@node-llama-cpp/linux-x64-cuda-ext \
           node_modules/@node-llama-cpp/linux-x64-vulkan node_modules/@node-llama-cpp/linux-arm*

FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000 METRICS_PORT=9464 \
    METRICS_HOST=0.0.0.0 DATA_DIR=/app/data
WORKDIR /app
COPY --from=production-deps /app ./
COPY packages/core/src packages/core/src
COPY packages/ai/src packages/ai/src
COPY scripts/render-nginx-config.ts scripts/
COPY deploy/nginx deploy/nginx
COPY deploy/docker/healthcheck.mjs deploy/docker/
# Sources and build from the same stage, so the build is newer than its sources and the
# server's rebuild-if-stale check (ensure-web-build.ts) leaves it alone.
COPY --from=build /app/apps/web/src apps/web/src
COPY --from=build /app/apps/web/next.config.ts /app/apps/web/tsconfig.json /app/apps/web/next-env.d.ts apps/web/
COPY --from=build /app/apps/web/.next apps/web/.next
COPY tsconfig.json tsconfig.base.json ./
# Files root-owned and read-only for the app; only its data and Next's cache are writable.
RUN mkdir -p data apps/web/.next/cache && chown node:node data apps/web/.next/cache
USER node
EXPOSE 3000 9464
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node deploy/docker/healthcheck.mjs "http://127.0.0.1:${PORT}/healthz"
CMD ["node", "--import", "tsx", "apps/web/src/server/main.ts"]
