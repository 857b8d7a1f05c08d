import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/**
 * The objects `kubectl kustomize` renders from a kustomization directory: what `kubectl apply -k`
 * would send to the cluster. KUBECTL picks another binary, e.g. Debian's kubectl 1.20, whose
 * embedded kustomize v2.0 CI uses.
 */
export function renderKustomization(directory: string): Manifest[] {
  const kubectl = process.env.KUBECTL ?? 'kubectl';
  // Deprecation warnings about `bases` and `patchesStrategicMerge` go to stderr; only errors matter.
  const output = execFileSync(kubectl, ['kustomize', directory], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return parseAllDocuments(output).map((document) => {
    if (document.errors.length > 0) throw new Error(`kubectl rendered invalid YAML: ${document.errors[0]}`);
    return document.toJS() as Manifest;
  });
}
