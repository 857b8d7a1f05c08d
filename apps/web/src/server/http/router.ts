import type { HttpMethod, Route } from './route';

interface CompiledRoute {
  route: Route<never, never, never>;
  pattern: RegExp;
  parameterNames: string[];
}

export type RouteMatch =
  | { kind: 'found'; route: Route<never, never, never>; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: string[] }
  | { kind: 'not_found' };

export function createRouter(routes: readonly Route<never, never, never>[]) {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const parameterNames: string[] = [];
    const source = route.path
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
        parameterNames.push(name);
        return '([^/]+)';
      });
    return { route, pattern: new RegExp(`^${source}$`), parameterNames };
  });

  return {
    match(method: string, path: string): RouteMatch {
      const allowed = new Set<string>();
      for (const candidate of compiled) {
        const found = candidate.pattern.exec(path);
        if (!found) continue;
        allowed.add(candidate.route.method);
        const wanted: HttpMethod | undefined = method === 'HEAD' ? 'GET' : (method as HttpMethod);
        if (candidate.route.method !== wanted) continue;
        const params: Record<string, string> = {};
        candidate.parameterNames.forEach((name, index) => {
          params[name] = safeDecode(found[index + 1] ?? '');
        });
        return { kind: 'found', route: candidate.route, params };
      }
      if (allowed.size === 0) return { kind: 'not_found' };
      if (allowed.has('GET')) allowed.add('HEAD');
      return { kind: 'method_not_allowed', allow: [...allowed].sort() };
    },
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
