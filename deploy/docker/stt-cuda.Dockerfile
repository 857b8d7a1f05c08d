# HealthCare stt role for NVIDIA GPU hosts: whisper.cpp built with CUDA (GGML_CUDA) and linked into
# smart-whisper through its BYOL hook; STT_GPU=true asks it to offload. Needs the NVIDIA container
# toolkit on the host (compose: `gpus: all`; Kubernetes: the nvidia.com/gpu resource).
#   docker build -f deploy/docker/stt-cuda.Dockerfile -t healthcare-stt-cuda .

# The Node runtime the suite runs on, copied into the CUDA images (its binary needs glibc >= 2.28).
FROM node:20.20.2-bookworm-slim AS node

# CUDA 12.4 runs on drivers >= 550 and supports every GPU from Maxwell to Hopper.
FROM nvidia/cuda:12.4.1-devel-ubuntu22.04 AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && npm install --global --no-audit --no-fund npm@11.19.1
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY packages/core/package.json packages/core/
COPY packages/ai/package.json packages/ai/
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY apps/stt/package.json apps/stt/
COPY scripts/build-whisper-engine.mjs scripts/

FROM toolchain AS production-deps
# The builder has no GPU: name the architectures (nvcc's default, -arch=native, needs one).
# all-major: one build for every major generation, PTX for newer ones.
ARG CUDA_ARCHITECTURES=all-major
# The CPU part of whisper.cpp (mel spectrogram, sampling) for any x86-64 with AVX2, not the builder's CPU.
ARG CPU_FLAGS="-march=x86-64-v3 -mtune=generic"
RUN npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@node-llama-cpp/linux-x64-cuda node_modules/@node-llama-cpp/linux-x64-cuda-ext \
           node_modules/@node-llama-cpp/linux-x64-vulkan node_modules/@node-llama-cpp/linux-arm*
# whisper.cpp's static library with the CUDA backend, from the sources smart-whisper ships (its
# headers match the binding), then the addon rebuilt against it instead of its CPU-only sources.
RUN cd node_modules/smart-whisper/whisper.cpp \
 && make -j"$(nproc)" GGML_CUDA=1 CUDA_DOCKER_ARCH="$CUDA_ARCHITECTURES" \
      HOST_CXXFLAGS="$CPU_FLAGS" CFLAGS="$CPU_FLAGS" libwhisper.a \
 && cd .. \
 && BYOL="$PWD/whisper.cpp/libwhisper.a -L/usr/local/cuda/lib64 -L/usr/local/cuda/lib64/stubs -lcuda -lcublas -lcublasLt -lcudart -lculibos -lpthread -ldl -lrt" \
      node /usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js rebuild \
 && rm -rf whisper.cpp/*.a whisper.cpp/ggml/src/*.o whisper.cpp/ggml/src/ggml-cuda/*.o \
      whisper.cpp/ggml/src/ggml-cuda/template-instances/*.o whisper.cpp/src/*.o build/Release/obj.target

# The runtime flavour: CUDA, cuBLAS and cuBLASLt shared libraries, no compiler.
FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04 AS runtime
COPY --from=node /usr/local/bin/node /usr/local/bin/node
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --create-home --shell /usr/sbin/nologin node
ENV NODE_ENV=production HOST=0.0.0.0 PORT=9000 METRICS_PORT=9464 STT_MODEL_DIR=/app/data/models \
    STT_GPU=true NVIDIA_VISIBLE_DEVICES=all NVIDIA_DRIVER_CAPABILITIES=compute,utility
WORKDIR /app
COPY --from=production-deps /app ./
COPY packages/core/src packages/core/src
COPY packages/ai/src packages/ai/src
COPY apps/stt/src apps/stt/src
COPY deploy/docker/healthcheck.mjs deploy/docker/
COPY tsconfig.json tsconfig.base.json ./
RUN mkdir -p data/models && chown -R node:node data
USER node
EXPOSE 9000 9464
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node deploy/docker/healthcheck.mjs "http://127.0.0.1:${PORT}/healthz"
CMD ["node", "--import", "tsx", "apps/stt/src/main.ts"]
