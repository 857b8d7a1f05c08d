import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const observabilityDir = fileURLToPath(new URL('../../deploy/observability', import.meta.url));
export const dashboardNames = ['ai-latency', 'database-health', 'http'];

/** Every PromQL expression of the dashboards and the rule files, with where it comes from. */
export function observabilityExpressions(rateInterval: string): { source: string; expr: string }[] {
  const expressions: { source: string; expr: string }[] = [];
  for (const name of dashboardNames) {
    const dashboard = JSON.parse(
      readFileSync(path.join(observabilityDir, 'grafana/dashboards', `${name}.json`), 'utf8'),
    ) as { panels: { title: string; targets: { expr: string }[] }[] };
    for (const panel of dashboard.panels)
      for (const target of panel.targets)
        expressions.push({
          source: `${name}: ${panel.title}`,
          // Grafana's own variable, which Prometheus does not know.
          expr: target.expr.replaceAll('$__rate_interval', rateInterval),
        });
  }
  for (const file of ['recording.yml', 'alerts.yml']) {
    const text = readFileSync(path.join(observabilityDir, 'prometheus/rules', file), 'utf8');
    // The rule files are ours and regular: `expr:` either inline or as a `|` block.
    for (const match of text.matchAll(/^( +)expr: (\|\n((?:\1 +.*\n)+)|(.*)\n)/gm)) {
      const expr = (match[3] ?? match[4] ?? '').replace(/\s+/g, ' ').trim();
      expressions.push({ source: file, expr });
    }
  }
  return expressions;
}
