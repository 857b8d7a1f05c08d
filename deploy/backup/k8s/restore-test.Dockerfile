# The weekly restore test's image: the worker image (Node, tsx and packages/core, which holds the
# restore test) plus what it restores and checks with: pgBackRest and the PostgreSQL server
# binaries of the production major version (15). Build from the repository root, after the worker:
#   docker build -f deploy/backup/k8s/restore-test.Dockerfile \
#     --build-arg WORKER_IMAGE=registry.example.com/healthcare/worker:1.0.0 \
#     -t registry.example.com/healthcare/restore-test:1.0.0 .
ARG WORKER_IMAGE=registry.example.com/healthcare/worker:1.0.0
FROM ${WORKER_IMAGE}
USER root
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-15 pgbackrest ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/log/pgbackrest /var/spool/pgbackrest /tmp/pgbackrest \
 && chown -R postgres:postgres /var/log/pgbackrest /var/spool/pgbackrest /tmp/pgbackrest
# The CronJob runs it as uid 999 (postgres): the restored copy must belong to the user that starts it.
USER postgres
ENTRYPOINT ["node", "--import", "tsx", "packages/core/src/backup/restore-test-command.ts"]
