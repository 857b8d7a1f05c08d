import type { Actor, RequestOrigin } from '@healthcare/core/auth/actor';
import type { RequestCost } from '@healthcare/core/rate-limit/enforce-request-limits';
import type { UserRole } from '@healthcare/core/users/user-schemas';
import type { z } from 'zod';
import type { AppContext } from '../boot/app-context';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** For byte responses (downloads): their media types; with `schema`, the media types it is served as. */
  contentTypes?: string[];
}

interface HandlerInput<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  request: Request;
  app: AppContext;
  origin: RequestOrigin;
}

interface RouteBase<Params, Query, Body> {
  method: HttpMethod;
  /** Relative to /api/v1, with OpenAPI-style parameters: `/patients/{id}`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /** Uploads: the handler streams the body itself; this documents what it accepts. */
  rawBody?: { contentTypes: string[]; description: string };
  responses: Record<number, ResponseSpec>;
  /** Which rate-limit budgets the request draws on beyond the general ones (see enforceRequestLimits). */
  cost?: RequestCost;
}

/** `auth: 'user'` routes get the verified actor; `roles` narrows who may call them at all. */
export type Route<Params = unknown, Query = unknown, Body = unknown> =
  | (RouteBase<Params, Query, Body> & {
      auth: 'none';
      handle(input: HandlerInput<Params, Query, Body> & { actor?: Actor }): Promise<Response>;
    })
  | (RouteBase<Params, Query, Body> & {
      auth: 'user';
      roles?: readonly UserRole[];
      handle(input: HandlerInput<Params, Query, Body> & { actor: Actor }): Promise<Response>;
    });

// The identity function gives each route file full inference of params, query and body from its schemas.
export function defineRoute<Params = undefined, Query = undefined, Body = undefined>(
  route: Route<Params, Query, Body>,
): Route<Params, Query, Body> {
  return route;
}
