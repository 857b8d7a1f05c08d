/**
 * Docker Compose's variable interpolation, as the spec defines it for the forms our files use:
 * `$$` (a literal `$`), `${VAR}`, `$VAR`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`
 * and `${VAR?error}`. A missing required variable throws, as `docker compose` refuses to start.
 */
export function interpolateCompose<T>(value: T, env: Record<string, string>): T {
  if (typeof value === 'string') return interpolateString(value, env) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => interpolateCompose(item, env)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolateCompose(item, env)]),
    ) as T;
  return value;
}

/** Every variable name a compose value refers to (not counting `$$` escapes). */
export function composeVariables(value: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (item: unknown) => {
    if (typeof item === 'string') {
      for (const match of item.replace(/\$\$/g, '').matchAll(/\$\{([A-Za-z_]\w*)|\$([A-Za-z_]\w*)/g))
        names.add(match[1] ?? match[2]!);
    } else if (item && typeof item === 'object') Object.values(item).forEach(visit);
  };
  visit(value);
  return names;
}

function interpolateString(text: string, env: Record<string, string>): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_]\w*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_]\w*)/g,
    (match, braced: string | undefined, operator: string | undefined, operand: string | undefined, bare) => {
      if (match === '$$') return '$';
      const name = braced ?? (bare as string);
      const value = env[name];
      const unset = value === undefined || (operator?.startsWith(':') === true && value === '');
      if (operator?.endsWith('-')) return unset ? operand! : value!;
      if (operator?.endsWith('?')) {
        if (unset) throw new Error(`required variable ${name} is missing a value: ${operand}`);
        return value!;
      }
      return value ?? '';
    },
  );
}
