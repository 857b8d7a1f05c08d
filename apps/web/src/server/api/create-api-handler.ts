import { nameRequestSpan, type RequestSpan } from '@healthcare/core/tracing/start-request-span';
import { AppError } from '@healthcare/core/errors/app-error';
import { enforceRequestLimits } from '@healthcare/core/rate-limit/enforce-request-limits';
import type { AppContext } from '../boot/app-context';
import { authenticate } from '../http/authenticate';
import { errorToProblem } from '../http/error-to-problem';
import { strictTransportSecurity } from '../http/page-security-headers';
import { problemResponse } from '../http/problem';
import { readJsonBody } from '../http/read-json-body';
import type { Route } from '../http/route';
import { createRouter } from '../http/router';
import { parseBody, parseParams, parseQuery } from './parse-input';
import { apiRoutes } from './routes';

export const apiPrefix = '/api/v1';

export interface RequestMeta {
  requestId: string;
  clientIp: string | null;
  /** The request's server span, when tracing is on. */
  span?: RequestSpan | undefined;
}

/** Every /api request, start to end: route, authenticate, validate, run, and turn any failure into a problem. */
export function createApiHandler(app: AppContext) {
  const router = createRouter(apiRoutes);

  return async function handleApiRequest(request: Request, meta: RequestMeta): Promise<Response> {
    const started = performance.now();
    const url = new URL(request.url);
    let routeLabel = 'unmatched';
    let response: Response;
    try {
      const match = url.pathname.startsWith(`${apiPrefix}/`)
        ? router.match(request.method, url.pathname.slice(apiPrefix.length))
        : ({ kind: 'not_found' } as const);
      if (match.kind === 'not_found') {
        response = problemResponse(404, `There is no API endpoint at ${url.pathname}.`, {
          type: 'no-such-endpoint',
        });
      } else if (match.kind === 'method_not_allowed') {
        const allow = match.allow.join(', ');
        response =
          request.method === 'OPTIONS'
            ? new Response(null, { status: 204, headers: { allow } })
            : problemResponse(405, `${request.method} is not supported here. Use ${allow}.`, {
                type: 'method-not-allowed',
                headers: { allow },
              });
      } else {
        routeLabel = match.route.path;
        response = await runRoute(app, match.route, match.params, request, url, meta);
      }
    } catch (error) {
      response = errorToProblem(error, app.logger);
    }
    response.headers.set('x-request-id', meta.requestId);
    // API responses carry patient data: no browser or proxy may keep a copy.
    response.headers.set('cache-control', 'no-store');
    response.headers.set('x-content-type-options', 'nosniff');
    if (app.config.server.publicUrl.protocol === 'https:') {
      response.headers.set('strict-transport-security', strictTransportSecurity);
    }
    nameRequestSpan(meta.span, request.method, routeLabel);
    const durationSeconds = (performance.now() - started) / 1000;
    app.metrics.httpDuration.observe(
      { route: routeLabel, method: request.method, status: String(response.status) },
      durationSeconds,
    );
    app.logger.info(
      {
        requestId: meta.requestId,
        method: request.method,
        route: routeLabel,
        status: response.status,
        durationMs: Math.round(durationSeconds * 1000),
      },
      'request',
    );
    return request.method === 'HEAD' ? new Response(null, response) : response;
  };
}

async function runRoute(
  app: AppContext,
  route: Route<never, never, never>,
  rawParams: Record<string, string>,
  request: Request,
  url: URL,
  meta: RequestMeta,
): Promise<Response> {
  const origin = { requestId: meta.requestId, ip: meta.clientIp };
  const cost = route.cost ?? 'default';
  // The address is counted before any work, so a flood cannot even make us verify tokens.
  await enforceRequestLimits(app.limiter, app.config.rateLimits, { ip: meta.clientIp, cost });
  const params = route.params ? parseParams(route.params, rawParams) : undefined;

  let authentication: Awaited<ReturnType<typeof authenticate>>;
  try {
    authentication = await authenticate(request, app.accessTokens, origin);
  } catch (error) {
    // A stale cookie must not stop anyone from reaching login or signup.
    if (route.auth === 'user') throw error;
  }
  const actor = authentication?.actor;
  if (route.auth === 'user') {
    if (!actor) throw new AppError('unauthenticated', 'Sign in to continue.');
    if (route.roles && !route.roles.includes(actor.role)) {
      throw new AppError('forbidden', 'Your role does not allow this action.');
    }
  }
  if (actor) await enforceRequestLimits(app.limiter, app.config.rateLimits, { ip: null, cost, user: actor });

  const query = route.query ? parseQuery(route.query, url.searchParams) : undefined;
  const body = route.body
    ? parseBody(route.body, await readJsonBody(request, app.config.api.maxJsonBytes))
    : undefined;
  const input = { params, query, body, request, app, origin } as never as Parameters<typeof route.handle>[0];
  return route.auth === 'user'
    ? route.handle({ ...input, actor: actor! })
    : route.handle({ ...input, ...(actor ? { actor } : {}) });
}
