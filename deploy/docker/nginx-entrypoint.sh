#!/bin/sh
# Renders deploy/nginx from NGINX_* variables, then runs nginx in the foreground. Without a
# certificate at NGINX_TLS_CERTIFICATE (local use, or before certbot's first run) it serves a
# self-signed one, and it reloads twice a day so that certificates renewed by certbot are picked up.
set -eu
# Overridable so that the suite can run this very script outside the image.
home=${HEALTHCARE_NGINX_HOME:-/opt/healthcare}
conf_dir=${NGINX_CONF_DIR:-/etc/nginx/healthcare}
: "${NGINX_TLS_CERTIFICATE:=/etc/letsencrypt/live/healthcare/fullchain.pem}"
: "${NGINX_TLS_CERTIFICATE_KEY:=/etc/letsencrypt/live/healthcare/privkey.pem}"
if [ ! -r "$NGINX_TLS_CERTIFICATE" ] || [ ! -r "$NGINX_TLS_CERTIFICATE_KEY" ]; then
  echo "healthcare-nginx: no certificate at $NGINX_TLS_CERTIFICATE; serving a self-signed one" >&2
  NGINX_TLS_CERTIFICATE="$NGINX_RUN_DIR/self-signed.pem"
  NGINX_TLS_CERTIFICATE_KEY="$NGINX_RUN_DIR/self-signed.key"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=${NGINX_SERVER_NAME:-localhost}" \
    -keyout "$NGINX_TLS_CERTIFICATE_KEY" -out "$NGINX_TLS_CERTIFICATE" 2>/dev/null
fi
export NGINX_TLS_CERTIFICATE NGINX_TLS_CERTIFICATE_KEY
node "$home/scripts/render-nginx-config.mjs" "$conf_dir"
nginx -t -q -c "$conf_dir/nginx.conf"
(while sleep 43200; do nginx -s reload -c "$conf_dir/nginx.conf" || true; done) &
exec nginx -c "$conf_dir/nginx.conf" -g 'daemon off;'
