/** CPU seconds each tier spends per request, measured through the edge. */
export interface CpuPerRequest {
  replica: number;
  database: number;
  edge: number;
}

export interface ClusterCores {
  database: number;
  edge: number;
}

/**
 * Throughput of N replicas that each have a core of their own: a replica serves at most
 * 1 / (its CPU seconds per request) requests a second, so the replicas together serve
 * N / c_replica, until PostgreSQL (its cores / c_database) or NGINX (its cores / c_edge) is
 * spent. A CPU-only model: it leaves out network hops, lock and WAL contention in PostgreSQL,
 * and Node's helper threads, so it is an upper bound to check a real cluster against.
 */
export function predictThroughput(replicas: number, cpu: CpuPerRequest, cores: ClusterCores) {
  const bounds = {
    replicas: replicas / cpu.replica,
    PostgreSQL: cores.database / cpu.database,
    NGINX: cores.edge / cpu.edge,
  };
  const [limit, requestsPerSecond] = Object.entries(bounds).sort((a, b) => a[1] - b[1])[0]!;
  return { requestsPerSecond, limit };
}
