import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { environmentSchema } from '@healthcare/core/config/config-schema';
import { loadConfig } from '@healthcare/core/config/load-config';
import {
  loadSttServiceConfig,
  sttServiceEnvironmentSchema,
} from '@healthcare/core/config/stt-service-config';
// One file per model: the package's index modules load every kind Kubernetes has.
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderKustomization, type Manifest } from './testing/render-kustomization';

const k8sDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(k8sDir, '../..');

// Every kind the overlays may contain, with the class that checks it against Kubernetes' schema.
const modelClasses = [
  ConfigMap,
  Namespace,
  Service,
  ServiceAccount,
  Deployment,
  Job,
  HorizontalPodAutoscaler,
  PodDisruptionBudget,
  Ingress,
  NetworkPolicy,
];
const models = new Map(modelClasses.map((model) => [`${model.apiVersion}/${model.kind}`, model]));

const overlays = {
  staging: renderKustomization(path.join(k8sDir, 'overlays/staging')),
  production: renderKustomization(path.join(k8sDir, 'overlays/production')),
};
type OverlayName = keyof typeof overlays;
const clusterObjects = renderKustomization(path.join(k8sDir, 'cluster'));

/** The rendered objects of one overlay, by kind, typed after their kubernetes-models class. */
function inventory(objects: Manifest[]) {
  const named = <T>(guard: (value: unknown) => value is T) => (objects as unknown[]).filter(guard);
  const deployments = named(Deployment.is);
  const jobs = named(Job.is);
  const workloads = [
    ...deployments.map((d) => ({ name: d.metadata!.name!, template: d.spec!.template })),
    ...jobs.map((j) => ({ name: j.metadata!.name!, template: j.spec!.template })),
  ];
  const configMap = named(ConfigMap.is).find((map) => map.metadata!.name!.startsWith('healthcare-config'))!;
  return {
    deployments,
    deployment: (name: string) => deployments.find((d) => d.metadata!.name === name)!,
    jobs,
    workloads,
    services: named(Service.is),
    ingresses: named(Ingress.is),
    hpas: named(HorizontalPodAutoscaler.is),
    pdbs: named(PodDisruptionBudget.is),
    networkPolicies: named(NetworkPolicy.is),
    namespaces: named(Namespace.is),
    configMap,
    config: configMap.data!,
  };
}

function containerOf(template: IPodTemplateSpec): IContainer {
  const containers = template.spec!.containers;
  expect(containers).toHaveLength(1);
  return containers[0]!;
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

function portNumber(container: IContainer, port: string | number | undefined): number | undefined {
  return typeof port === 'number' ? port : container.ports?.find((p) => p.name === port)?.containerPort;
}

/** The env names a container gets, from its ConfigMap (envFrom) and its own `env`. */
function environmentNames(container: IContainer, config: Record<string, string>): string[] {
  const fromConfigMap = (container.envFrom ?? []).flatMap((source) =>
    source.configMapRef ? Object.keys(config) : [],
  );
  return [...fromConfigMap, ...(container.env ?? []).map((variable) => variable.name)];
}

/** Cluster mode with every secret the manifests reference given a placeholder of the right shape. */
const placeholderSecrets = {
  DATABASE_URL: 'postgres://healthcare_app:secret@db.internal:5432/healthcare',
  DATABASE_MIGRATION_URL: 'postgres://healthcare_owner:secret@db.internal:5432/healthcare',
  DATABASE_APP_PASSWORD: 'secret',
  REDIS_URL: 'rediss://:token@cache.internal:6379',
  AUTH_JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nplaceholder\\n-----END PRIVATE KEY-----\\n',
};

describe.each(Object.keys(overlays) as OverlayName[])('deploy/k8s overlay %s', (overlay) => {
  const objects = overlays[overlay];
  const k8s = inventory(objects);

  it('should contain only objects that are valid against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(20);
    for (const object of objects) {
      const Model = models.get(`${object.apiVersion}/${object.kind}`);
      expect(Model, `${object.apiVersion} ${object.kind} ${object.metadata.name}`).toBeDefined();
      expect(
        () => new Model!(object as never).validate(),
        `${object.kind} ${object.metadata.name}`,
      ).not.toThrow();
    }
  });

  it('should put every namespaced object into the overlay namespace, under Pod Security "restricted"', () => {
    const [namespace] = k8s.namespaces;
    expect(k8s.namespaces).toHaveLength(1);
    expect(namespace!.metadata!.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) {
      expect(object.metadata.namespace, `${object.kind} ${object.metadata.name}`).toBe(
        namespace!.metadata!.name,
      );
    }
  });

  it('should give every long-running container liveness and readiness probes on ports it declares', () => {
    const expected: Record<string, { liveness: string; readiness: string }> = {
      web: { liveness: '/healthz', readiness: '/readyz' },
      stt: { liveness: '/healthz', readiness: '/readyz' },
      // The worker serves only /metrics (apps/worker/src/main.ts).
      worker: { liveness: '/metrics', readiness: '/metrics' },
      // vLLM's own health endpoint.
      llm: { liveness: '/health', readiness: '/health' },
    };
    expect(k8s.deployments.map((d) => d.metadata!.name).sort()).toEqual(Object.keys(expected).sort());
    for (const deployment of k8s.deployments) {
      const name = deployment.metadata!.name!;
      const container = containerOf(deployment.spec!.template);
      for (const kind of ['liveness', 'readiness'] as const) {
        const probe = container[`${kind}Probe`]?.httpGet;
        expect(probe?.path, `${name} ${kind}`).toBe(expected[name]![kind]);
        expect(portNumber(container, probe?.port), `${name} ${kind} port`).toBeDefined();
      }
    }
  });

  it('should probe the ports the services listen on, as their configuration sets them', () => {
    const web = containerOf(k8s.deployment('web').spec!.template);
    const worker = containerOf(k8s.deployment('worker').spec!.template);
    const stt = containerOf(k8s.deployment('stt').spec!.template);
    const sttEnv = Object.fromEntries((stt.env ?? []).map((variable) => [variable.name, variable.value]));
    expect(portNumber(web, web.readinessProbe?.httpGet?.port)).toBe(Number(k8s.config.PORT));
    expect(portNumber(worker, worker.livenessProbe?.httpGet?.port)).toBe(Number(k8s.config.METRICS_PORT));
    expect(portNumber(stt, stt.readinessProbe?.httpGet?.port)).toBe(loadSttServiceConfig(sttEnv).server.port);
  });

  it('should set requests and limits and a non-root, read-only, unprivileged context on every container', () => {
    for (const { name, template } of k8s.workloads) {
      const pod = template.spec!;
      const container = containerOf(template);
      for (const bound of ['requests', 'limits'] as const) {
        expect(container.resources?.[bound]?.cpu, `${name} ${bound}.cpu`).toBeDefined();
        expect(container.resources?.[bound]?.memory, `${name} ${bound}.memory`).toBeDefined();
      }
      const context = container.securityContext ?? {};
      expect(context.runAsNonRoot ?? pod.securityContext?.runAsNonRoot, name).toBe(true);
      expect(context.runAsUser ?? pod.securityContext?.runAsUser, name).toBeGreaterThan(0);
      expect(context.readOnlyRootFilesystem, name).toBe(true);
      expect(context.allowPrivilegeEscalation, name).toBe(false);
      expect(context.privileged ?? false, name).toBe(false);
      expect(context.capabilities?.drop, name).toContain('ALL');
      expect(context.capabilities?.add ?? [], name).toEqual([]);
      expect((context.seccompProfile ?? pod.securityContext?.seccompProfile)?.type, name).toBe(
        'RuntimeDefault',
      );
      expect(pod.automountServiceAccountToken, name).toBe(false);
      // A read-only root still needs a writable /tmp (uploads, ffmpeg, tsx's cache).
      const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
      expect(
        pod.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir,
        `${name} /tmp`,
      ).toBeDefined();
    }
  });

  it('should scale the web app (at least 2 pods) and the worker on 70% CPU with autoscaling/v2', () => {
    const byTarget = new Map(k8s.hpas.map((hpa) => [hpa.spec!.scaleTargetRef.name, hpa]));
    expect([...byTarget.keys()].sort()).toEqual(['web', 'worker']);
    for (const [target, hpa] of byTarget) {
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      expect(hpa.spec!.scaleTargetRef.kind).toBe('Deployment');
      expect(hpa.spec!.metrics).toEqual([
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ]);
      // A fixed count in the Deployment would fight the autoscaler on every apply.
      expect(k8s.deployment(target).spec!.replicas, target).toBeUndefined();
      expect(hpa.spec!.maxReplicas).toBeGreaterThan(hpa.spec!.minReplicas ?? 1);
    }
    expect(byTarget.get('web')!.spec!.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('should keep every pod under a disruption budget that still lets a node drain', () => {
    for (const deployment of k8s.deployments) {
      const name = deployment.metadata!.name!;
      const labels = deployment.spec!.template.metadata!.labels;
      const budgets = k8s.pdbs.filter((pdb) => selects(pdb.spec!.selector!.matchLabels, labels));
      expect(budgets, name).toHaveLength(1);
      const { minAvailable, maxUnavailable } = budgets[0]!.spec!;
      const floor =
        deployment.spec!.replicas ??
        k8s.hpas.find((h) => h.spec!.scaleTargetRef.name === name)!.spec!.minReplicas!;
      if (minAvailable !== undefined) expect(Number(minAvailable), name).toBeLessThan(floor);
      else expect(Number(maxUnavailable), name).toBeGreaterThanOrEqual(1);
    }
  });

  it('should schedule stt and the language model on GPU nodes, one GPU each, and nothing else there', () => {
    for (const deployment of k8s.deployments) {
      const name = deployment.metadata!.name!;
      const pod: IPodSpec = deployment.spec!.template.spec!;
      const container = containerOf(deployment.spec!.template);
      const gpu = ['stt', 'llm'].includes(name);
      expect(container.resources?.limits?.['nvidia.com/gpu'], name).toBe(gpu ? 1 : undefined);
      if (!gpu) continue;
      expect(container.resources?.requests?.['nvidia.com/gpu'], name).toBe(1);
      expect(pod.nodeSelector, name).toEqual({ 'nvidia.com/gpu.present': 'true' });
      expect(pod.tolerations, name).toContainEqual({
        key: 'nvidia.com/gpu',
        operator: 'Exists',
        effect: 'NoSchedule',
      });
    }
  });

  it('should route the Ingress only to the web Service, never to an AI service, all of it over TLS', () => {
    expect(k8s.ingresses.length).toBeGreaterThan(0);
    const publicHost = new URL(k8s.config.PUBLIC_URL!).host;
    for (const ingress of k8s.ingresses) {
      const name = ingress.metadata!.name;
      expect(ingress.spec!.ingressClassName, name).toBe('nginx');
      expect(ingress.spec!.defaultBackend, name).toBeUndefined();
      for (const rule of ingress.spec!.rules!) {
        expect(rule.host, name).toBe(publicHost);
        for (const route of rule.http!.paths)
          expect(route.backend.service?.name, `${name} ${route.path}`).toBe('web');
      }
      expect(ingress.spec!.tls, name).toEqual([{ hosts: [publicHost], secretName: 'healthcare-tls' }]);
      expect(ingress.metadata!.annotations?.['nginx.ingress.kubernetes.io/force-ssl-redirect'], name).toBe(
        'true',
      );
    }
    // Nothing else exposes a pod outside the cluster.
    for (const service of k8s.services)
      expect(service.spec!.type ?? 'ClusterIP', service.metadata!.name).toBe('ClusterIP');
  });

  it('should have cert-manager issue the certificate from the cluster issuer, through one Ingress only', () => {
    const issuerAnnotation = 'cert-manager.io/cluster-issuer';
    const issuing = k8s.ingresses.filter((ingress) => ingress.metadata!.annotations?.[issuerAnnotation]);
    expect(issuing.map((ingress) => ingress.metadata!.name)).toEqual(['web']);
    const issuer = clusterObjects.find((object) => object.kind === 'ClusterIssuer');
    expect(issuing[0]!.metadata!.annotations![issuerAnnotation]).toBe(issuer?.metadata.name);
  });

  it('should run ModSecurity with the OWASP CRS in blocking mode at paranoia 1 on every route but streamed uploads', () => {
    const audioBytes = environmentSchema.parse({}).UPLOAD_MAX_AUDIO_BYTES;
    for (const ingress of k8s.ingresses) {
      const annotations = ingress.metadata!.annotations ?? {};
      const name = ingress.metadata!.name!;
      const paths = ingress.spec!.rules!.flatMap((rule) => rule.http!.paths.map((route) => route.path));
      if (annotations['nginx.ingress.kubernetes.io/enable-modsecurity'] === 'false') {
        // Streamed audio and documents only; the app checks their type, size and sender itself.
        expect(paths, name).toEqual([
          '/api/v1/encounters/[^/]+/audio(/chunks/[0-9]+)?$',
          '/api/v1/patients/[^/]+/documents$',
        ]);
        expect(annotations['nginx.ingress.kubernetes.io/proxy-request-buffering'], name).toBe('off');
        const bodyMegabytes = Number(
          /^(\d+)m$/.exec(annotations['nginx.ingress.kubernetes.io/proxy-body-size']!)?.[1],
        );
        expect(bodyMegabytes * 1024 * 1024, name).toBeGreaterThanOrEqual(audioBytes);
        continue;
      }
      expect(annotations['nginx.ingress.kubernetes.io/enable-modsecurity'], name).toBe('true');
      expect(annotations['nginx.ingress.kubernetes.io/enable-owasp-core-rules'], name).toBe('true');
      const rules = annotations['nginx.ingress.kubernetes.io/modsecurity-snippet']!.split('\n');
      // The snippet replaces the controller's CRS include, and the controller's own file says DetectionOnly.
      const include = rules.indexOf('Include /etc/nginx/owasp-modsecurity-crs/nginx-modsecurity.conf');
      expect(include, name).toBeGreaterThanOrEqual(0);
      expect(rules.indexOf('SecRuleEngine On'), name).toBeGreaterThan(include);
      expect(rules, name).toContain('SecAuditEngine Off');
      expect(rules.join('\n'), name).toContain('setvar:tx.paranoia_level=1"');
      // The template wraps the snippet in single quotes.
      expect(rules.join('\n'), name).not.toContain("'");
    }
  });

  it('should stream live events unbuffered and keep the API body limit small', () => {
    const events = k8s.ingresses.find((ingress) => ingress.metadata!.name === 'web-events')!;
    expect(events.spec!.rules![0]!.http!.paths.map((route) => route.path)).toEqual([
      '/api/v1/encounters/[^/]+/events$',
    ]);
    expect(events.metadata!.annotations!['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
    const api = k8s.ingresses.find((ingress) => ingress.metadata!.name === 'web')!;
    expect(api.metadata!.annotations!['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('2m');
  });

  it('should let only the web and worker pods reach the AI services, and no other pod or namespace', () => {
    const defaultDeny = k8s.networkPolicies.find(
      (policy) => Object.keys(policy.spec!.podSelector.matchLabels ?? {}).length === 0,
    );
    expect(defaultDeny?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    const callers = ['web', 'worker'].map((name) => k8s.deployment(name).spec!.template.metadata!.labels);
    for (const [ai, service] of [
      ['stt', 'stt'],
      ['llm', 'llm'],
    ] as const) {
      const deployment = k8s.deployment(ai);
      const container = containerOf(deployment.spec!.template);
      const labels = deployment.spec!.template.metadata!.labels;
      const apiPort = portNumber(
        container,
        k8s.services.find((s) => s.metadata!.name === service)!.spec!.ports![0]!.targetPort,
      );
      const policies = k8s.networkPolicies.filter(
        (policy) =>
          Object.keys(policy.spec!.podSelector.matchLabels ?? {}).length > 0 &&
          selects(policy.spec!.podSelector.matchLabels, labels),
      );
      expect(policies.map((policy) => policy.metadata!.name)).toEqual([ai]);
      const rulesToApi = policies[0]!.spec!.ingress!.filter(
        (rule) => !rule.ports || rule.ports.some((port) => portNumber(container, port.port) === apiPort),
      );
      expect(rulesToApi).toHaveLength(1);
      const peers = rulesToApi[0]!.from!;
      for (const peer of peers) {
        expect(peer.namespaceSelector, ai).toBeUndefined();
        expect(peer.ipBlock, ai).toBeUndefined();
      }
      const admitted = (podLabels: Record<string, string> | undefined) =>
        peers.some((peer) => selects(peer.podSelector!.matchLabels, podLabels));
      for (const caller of callers)
        expect(admitted(caller), `${ai} from ${caller?.['app.kubernetes.io/component']}`).toBe(true);
      for (const other of k8s.workloads.filter((w) => !['web', 'worker'].includes(w.name)))
        expect(admitted(other.template.metadata!.labels), `${ai} from ${other.name}`).toBe(false);
      // Every rule's pod selector is specific: an empty one would admit every pod in the namespace.
      for (const peer of peers)
        expect(Object.keys(peer.podSelector!.matchLabels ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('should have the app reach stt and the language model at their Services, with the model vLLM serves', () => {
    const service = (name: string) =>
      k8s.services.find((s) => s.metadata!.name === name)!.spec!.ports![0]!.port;
    expect(k8s.config.STT_BASE_URL).toBe(`http://stt:${service('stt')}/v1`);
    expect(k8s.config.LLM_BASE_URL).toBe(`http://llm:${service('llm')}/v1`);
    const llm = containerOf(k8s.deployment('llm').spec!.template);
    expect(llm.args).toContain('--served-model-name=$(LLM_MODEL)');
    expect(llm.args).toContain(`--port=${service('llm')}`);
    expect(llm.env?.find((variable) => variable.name === 'LLM_MODEL')?.valueFrom?.configMapKeyRef).toEqual({
      name: k8s.configMap.metadata!.name,
      key: 'LLM_MODEL',
    });
  });

  it('should set only variables our configuration reads, and a configuration that loads in cluster mode', () => {
    const appVariables = new Set(Object.keys(environmentSchema.shape));
    for (const { name, template } of k8s.workloads.filter((w) =>
      ['web', 'worker', 'db-migrate'].includes(w.name),
    )) {
      // npm (the migration's `npm run`) needs a writable home; the app reads none of these.
      const unread = environmentNames(containerOf(template), k8s.config).filter(
        (variable) => !appVariables.has(variable) && variable !== 'HOME',
      );
      expect(unread, name).toEqual([]);
    }
    const sttEnv = containerOf(k8s.deployment('stt').spec!.template).env ?? [];
    const sttVariables = new Set(Object.keys(sttServiceEnvironmentSchema.shape));
    expect(sttEnv.map((variable) => variable.name).filter((variable) => !sttVariables.has(variable))).toEqual(
      [],
    );
    expect(() =>
      loadSttServiceConfig(Object.fromEntries(sttEnv.map((v) => [v.name, v.value]))),
    ).not.toThrow();

    const config = loadConfig({ ...k8s.config, ...placeholderSecrets });
    expect(config.database.mode).toBe('external');
    expect(config.storage.driver).toBe('s3');
    expect(config.worker.inProcess).toBe(false);
    expect(config.stt?.provider).toBe('openai');
    expect(config.llm?.provider).toBe('openai');
    expect(config.server.publicUrl.protocol).toBe('https:');
  });

  it('should take secrets by reference only, and give the owner login to the migration Job alone', () => {
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    const example = readFileSync(path.join(k8sDir, 'secrets.example.env'), 'utf8');
    const exampleKeys = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((match) => match[1]));
    for (const { name, template } of k8s.workloads) {
      const container = containerOf(template);
      for (const variable of container.env ?? []) {
        const reference = variable.valueFrom?.secretKeyRef;
        if (!reference) continue;
        expect(reference.name, `${name} ${variable.name}`).toBe('healthcare-secrets');
        expect(exampleKeys.has(reference.key), `${reference.key} in secrets.example.env`).toBe(true);
      }
      const names = (container.env ?? []).map((variable) => variable.name);
      expect(names.includes('DATABASE_MIGRATION_URL'), name).toBe(name === 'db-migrate');
    }
    for (const secret of exampleKeys)
      expect(k8s.config, `${secret} in the ConfigMap`).not.toHaveProperty(secret!);
  });

  it('should run the migrations before a deploy with `npm run db:migrate` as package.json defines it', () => {
    const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(packageJson.scripts['db:migrate']).toBeDefined();
    expect(k8s.jobs).toHaveLength(1);
    const job = k8s.jobs[0]!;
    expect(containerOf(job.spec!.template).command).toEqual(['npm', 'run', 'db:migrate']);
    expect(job.spec!.template.spec!.restartPolicy).toBe('Never');
    expect(job.metadata!.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
  });

  it('should have Prometheus scrape web, worker and stt on their metrics ports, as its pod discovery expects', () => {
    const prometheus = parseYaml(
      readFileSync(path.join(repoRoot, 'deploy/observability/prometheus/prometheus-kubernetes.yml'), 'utf8'),
    );
    const relabels = JSON.stringify(prometheus.scrape_configs[0].relabel_configs);
    expect(relabels).toContain('__meta_kubernetes_pod_annotation_prometheus_io_port');
    expect(relabels).toContain('__meta_kubernetes_pod_label_app_kubernetes_io_component');
    const scraped = k8s.deployments.filter(
      (d) => d.spec!.template.metadata!.annotations?.['prometheus.io/scrape'] === 'true',
    );
    expect(
      scraped.map((d) => d.spec!.template.metadata!.labels!['app.kubernetes.io/component']).sort(),
    ).toEqual(['stt', 'web', 'worker']);
    for (const deployment of scraped) {
      const name = deployment.metadata!.name!;
      const port = Number(deployment.spec!.template.metadata!.annotations!['prometheus.io/port']);
      expect(portNumber(containerOf(deployment.spec!.template), 'metrics'), name).toBe(port);
      // And the network lets Prometheus in on that port.
      const admitsMonitoring = k8s.networkPolicies.some(
        (policy) =>
          selects(policy.spec!.podSelector.matchLabels, deployment.spec!.template.metadata!.labels) &&
          Object.keys(policy.spec!.podSelector.matchLabels ?? {}).length > 0 &&
          policy.spec!.ingress!.some(
            (rule) =>
              rule.ports?.some((p) => p.port === port) &&
              rule.from?.some(
                (peer) =>
                  peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring',
              ),
          ),
      );
      expect(admitsMonitoring, name).toBe(true);
    }
    expect(Number(k8s.config.METRICS_PORT)).toBe(9464);
  });

  it('should pull our images from the registry at a release tag, and third-party images pinned', () => {
    for (const { name, template } of k8s.workloads) {
      const image = containerOf(template).image!;
      expect(image, name).toMatch(/:[\w.-]+$/);
      expect(image, name).not.toMatch(/:latest$/);
      if (name === 'llm') expect(image).toMatch(/^vllm\/vllm-openai:v\d+\.\d+\.\d+$/);
      else expect(image, name).toMatch(/^registry\.example\.com\/healthcare\/(web|worker|stt):/);
    }
  });
});

describe('deploy/k8s overlays side by side', () => {
  const staging = inventory(overlays.staging);
  const production = inventory(overlays.production);
  const images = (k8s: ReturnType<typeof inventory>) =>
    Object.fromEntries(k8s.workloads.map(({ name, template }) => [name, containerOf(template).image]));
  const minReplicas = (k8s: ReturnType<typeof inventory>, target: string) =>
    k8s.hpas.find((hpa) => hpa.spec!.scaleTargetRef.name === target)!.spec!.minReplicas!;

  it('should deploy each environment into its own namespace and host', () => {
    expect(staging.namespaces[0]!.metadata!.name).not.toBe(production.namespaces[0]!.metadata!.name);
    expect(staging.config.PUBLIC_URL).not.toBe(production.config.PUBLIC_URL);
    expect(staging.config.S3_BUCKET).not.toBe(production.config.S3_BUCKET);
  });

  it('should run different releases of our images, and the same pinned third-party ones', () => {
    const [before, after] = [images(staging), images(production)];
    for (const name of ['web', 'worker', 'stt', 'db-migrate'])
      expect(before[name], name).not.toBe(after[name]);
    expect(before.llm).toBe(after.llm);
    expect(after.stt).toMatch(/-cuda$/);
  });

  it('should give production more capacity than staging', () => {
    expect(minReplicas(production, 'web')).toBeGreaterThan(minReplicas(staging, 'web'));
    expect(minReplicas(production, 'worker')).toBeGreaterThan(minReplicas(staging, 'worker'));
    for (const ai of ['stt', 'llm']) {
      expect(production.deployment(ai).spec!.replicas, ai).toBeGreaterThan(
        staging.deployment(ai).spec!.replicas!,
      );
    }
  });
});

describe('deploy/k8s cluster objects', () => {
  it('should issue certificates from Let\u2019s Encrypt over the HTTP-01 challenge through ingress-nginx', () => {
    expect(clusterObjects.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual([
      'ClusterIssuer/letsencrypt',
    ]);
    const issuer = clusterObjects[0]!;
    expect(issuer.apiVersion).toBe('cert-manager.io/v1');
    expect(issuer.metadata.namespace).toBeUndefined();
    expect(issuer.spec).toMatchObject({
      acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        privateKeySecretRef: { name: expect.any(String) },
        solvers: [{ http01: { ingress: { ingressClassName: 'nginx' } } }],
      },
    });
  });
});
