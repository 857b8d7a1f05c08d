/** One sample of a Prometheus text exposition. */
export interface ExposedSample {
  metric: string;
  labels: Record<string, string>;
  value: number;
}

/** Every sample of a `/metrics` answer, comments skipped. */
export function exposedSamples(exposition: string): ExposedSample[] {
  const samples: ExposedSample[] = [];
  for (const line of exposition.split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!;
    samples.push({ metric: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/**
 * The sum of the samples of `metric` whose labels include `labels`, whatever the others and
 * their order; undefined when none match.
 */
export function seriesValue(
  exposition: string,
  metric: string,
  labels: Record<string, string> = {},
): number | undefined {
  const matching = exposedSamples(exposition).filter(
    (sample) =>
      sample.metric === metric &&
      Object.entries(labels).every(([name, value]) => sample.labels[name] === value),
  );
  return matching.length === 0 ? undefined : matching.reduce((sum, sample) => sum + sample.value, 0);
}

const uuid = /[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/i;

/**
 * The labels of an exposition that could identify someone: a name that says it holds an id, a
 * person or an encounter; a UUID in a value; or any of `identifiers` (the ids and words a test
 * put in its requests) inside a value. Empty when the exposition is clean.
 */
export function identifyingLabels(exposition: string, identifiers: string[]): string[] {
  const found: string[] = [];
  for (const { metric, labels } of exposedSamples(exposition)) {
    for (const [name, value] of Object.entries(labels)) {
      const where = `${metric}{${name}="${value}"}`;
      if (/(^|_)(id|uuid|patient|user|encounter|clinic|email|name|file|path|prompt|text)($|_)/i.test(name))
        found.push(`${where}: the label's name`);
      if (uuid.test(value)) found.push(`${where}: a UUID`);
      for (const identifier of identifiers)
        if (value.includes(identifier)) found.push(`${where}: contains ${identifier}`);
    }
  }
  return [...new Set(found)];
}
