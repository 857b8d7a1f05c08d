import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { observabilityDir, observabilityExpressions } from './observability-expressions';

// The Debian package (installed by .ci/run) is built without Kubernetes service discovery.
const kubernetesCheck = spawnSync(
  'promtool',
  ['check', 'config', path.join(observabilityDir, 'prometheus/prometheus-kubernetes.yml')],
  { encoding: 'utf8' },
);
const kubernetesSupported = !`${kubernetesCheck.stdout}${kubernetesCheck.stderr}`.includes(
  'kubernetes_sd_configs not found',
);

const promtool = (...args: string[]) => execFileSync('promtool', args, { encoding: 'utf8' });

describe('deploy/observability', () => {
  it('should be a valid Prometheus configuration, with its rule files', () => {
    const output = promtool('check', 'config', path.join(observabilityDir, 'prometheus/prometheus.yml'));
    expect(output).toMatch(/SUCCESS: .*prometheus\.yml is valid/);
    expect(output).toMatch(/SUCCESS: \d+ rules found/);
  });

  it.skipIf(!kubernetesSupported)('should be a valid configuration for Kubernetes service discovery', () => {
    expect(
      promtool('check', 'config', path.join(observabilityDir, 'prometheus/prometheus-kubernetes.yml')),
    ).toMatch(/is valid/);
  });

  it('should have valid recording and alert rules', () => {
    const rules = ['recording.yml', 'alerts.yml'].map((file) =>
      path.join(observabilityDir, 'prometheus/rules', file),
    );
    expect(promtool('check', 'rules', ...rules)).toMatch(
      /SUCCESS: 9 rules found[\s\S]*SUCCESS: 9 rules found/,
    );
  });

  it('should use only PromQL that parses in its dashboards (checked by promtool as recording rules)', () => {
    const expressions = observabilityExpressions('5m');
    expect(expressions.filter((entry) => !entry.source.endsWith('.yml')).length).toBeGreaterThan(20);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'promql-')), 'dashboards.yml');
    const rules = expressions.map(
      (entry, index) =>
        `      - record: dashboard:expression_${index}\n        expr: ${JSON.stringify(entry.expr)}\n`,
    );
    writeFileSync(file, `groups:\n  - name: dashboards\n    rules:\n${rules.join('')}`);
    expect(promtool('check', 'rules', file)).toContain(`SUCCESS: ${expressions.length} rules found`);
  });
});
