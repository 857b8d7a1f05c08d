# HealthCare stt role (CPU): whisper.cpp behind OpenAI's transcription API (apps/stt). For GPU
# hosts, see stt-cuda.Dockerfile. Build from the repository root:
#   docker build -f deploy/docker/stt.Dockerfile -t healthcare-stt .

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

FROM toolchain AS production-deps
# x86-64 with AVX2/FMA/F16C (every server CPU since about 2013), fixed rather than detected:
# the image runs on other machines than the builder. Without them whisper.cpp is several times slower.
ARG WHISPER_CFLAGS="-O3 -mavx2 -mfma -mf16c"
RUN WHISPER_CFLAGS="$WHISPER_CFLAGS" npm ci --omit=dev --no-audit --no-fund \
 && test -f node_modules/smart-whisper/build/Release/smart-whisper.node \
 # The service runs no language model: llama.cpp's GPU builds would only add 600 MB.
 && rm -rf node_modules/@node-llama-cpp/linux-x64-cuda node_modules/@node-llama-cpp/linux-x64-cuda-ext \
           node_modules/@node-llama-cpp/linux-x64-vulkan node_modules/@node-llama-cpp/linux-arm*

FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=9000 METRICS_PORT=9464 STT_MODEL_DIR=/app/data/models
WORKDIR /app
COPY --from=production-deps /app ./
COPY packages/core/src packages/core/src
COPY packages/ai/src packages/ai/src
COPY apps/stt/src apps/stt/src
COPY deploy/docker/healthcheck.mjs deploy/docker/
COPY tsconfig.json tsconfig.base.json ./
# The model is downloaded here on first start (mount a volume to keep it across restarts).
RUN mkdir -p data/models && chown -R node:node data
USER node
EXPOSE 9000 9464
# Liveness only: /readyz stays 503 while the model downloads, which must not restart the container.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node deploy/docker/healthcheck.mjs "http://127.0.0.1:${PORT}/healthz"
CMD ["node", "--import", "tsx", "apps/stt/src/main.ts"]
