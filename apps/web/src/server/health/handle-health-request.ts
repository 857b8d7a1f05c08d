import type { AppContext } from '../boot/app-context';
import { jsonResponse } from '../http/responses';
import { checkReadiness } from './check-readiness';

export const healthPaths = new Set(['/healthz', '/readyz']);

/** `/healthz`: the process answers. `/readyz`: it can do useful work (database reachable). */
export async function handleHealthRequest(app: AppContext, path: string): Promise<Response> {
  const headers = { 'cache-control': 'no-store' };
  if (path === '/healthz') return jsonResponse(200, { status: 'ok' }, headers);
  const readiness = await checkReadiness(app);
  return jsonResponse(readiness.status === 'unavailable' ? 503 : 200, readiness, headers);
}
