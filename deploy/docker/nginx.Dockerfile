# HealthCare edge: Debian's nginx with ModSecurity v3 and the OWASP CRS (the packages the suite
# tests in deploy/nginx/nginx.test.ts), configured at start by scripts/render-nginx-config.ts from
# NGINX_* variables. Build from the repository root:
#   docker build -f deploy/docker/nginx.Dockerfile -t healthcare-nginx .

# The render script is TypeScript: bundle it to one .mjs so the edge image needs only node.
FROM node:20.20.2-bookworm-slim AS render-script
RUN npm install --global --no-audit --no-fund esbuild@0.28.2
WORKDIR /src
COPY scripts/render-nginx-config.ts scripts/
RUN esbuild scripts/render-nginx-config.ts --bundle --platform=node --format=esm --target=node20 \
      --outfile=/out/scripts/render-nginx-config.mjs

# Debian 12.11 is the release nginx 1.22, ModSecurity 3.0.9 and CRS 3.3.4 were tested on. Packages
# are left to the archive's current bookworm versions so that security updates reach the image.
FROM debian:12.11-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx libnginx-mod-http-modsecurity modsecurity-crs \
      openssl ca-certificates libcap2-bin \
 # Ports 80 and 443 without root: the capability on the binary, not a root master process.
 && setcap cap_net_bind_service=+ep /usr/sbin/nginx \
 && apt-get purge -y libcap2-bin && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/*
COPY --from=render-script /usr/local/bin/node /usr/local/bin/node
COPY --from=render-script /out/scripts /opt/healthcare/scripts
COPY deploy/nginx /opt/healthcare/deploy/nginx
COPY deploy/docker/healthcheck.mjs /opt/healthcare/deploy/docker/
COPY deploy/docker/nginx-entrypoint.sh /usr/local/bin/healthcare-nginx
ENV NGINX_RUN_DIR=/var/cache/nginx/healthcare NGINX_LOG_DIR=/var/log/nginx/healthcare \
    NGINX_ACME_ROOT=/var/www/acme NGINX_HTTP_PORT=80 NGINX_HTTPS_PORT=443
RUN mkdir -p /var/cache/nginx/healthcare /var/log/nginx/healthcare /var/www/acme /etc/nginx/healthcare \
 && chown -R www-data:www-data /var/cache/nginx/healthcare /var/log/nginx/healthcare /var/www/acme \
      /etc/nginx/healthcare
USER www-data
EXPOSE 80 443
# Plain HTTP answers every path with the HTTPS redirect: proof that nginx serves, without TLS trust.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD node /opt/healthcare/deploy/docker/healthcheck.mjs "http://127.0.0.1:${NGINX_HTTP_PORT}/healthz"
ENTRYPOINT ["/usr/local/bin/healthcare-nginx"]
