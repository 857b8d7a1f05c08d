import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const workflowsDir = path.join(repositoryRoot, '.github/workflows');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | boolean>;
  'working-directory'?: string;
}
interface Job {
  needs?: string | string[];
  services?: Record<string, { image: string; ports?: string[] }>;
  strategy?: { matrix: { include: Record<string, string>[] } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const readWorkflow = (name: string) => parse(readFileSync(path.join(workflowsDir, name), 'utf8')) as Workflow;
const workflows = Object.fromEntries(
  readdirSync(workflowsDir).map((file) => [file, readWorkflow(file)] as const),
);
const ci = workflows['ci.yml']!;
const release = workflows['release.yml']!;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) =>
  steps(workflow)
    .map((step) => step.run ?? '')
    .join('\n');
const packageScripts = Object.keys(
  (JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { scripts: object })
    .scripts,
);

describe.each(Object.keys(workflows))('.github/workflows/%s', (file) => {
  const workflow = workflows[file]!;

  it('should pin every action to an exact version', () => {
    for (const step of steps(workflow))
      if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@v?\d+\.\d+\.\d+$/);
  });

  it('should run only npm scripts that exist', () => {
    for (const match of runs(workflow).matchAll(/npm run ([\w:-]+)/g))
      expect(packageScripts).toContain(match[1]);
  });

  it('should use service images pinned to a release', () => {
    for (const job of Object.values(workflow.jobs))
      for (const service of Object.values(job.services ?? {}))
        expect(service.image).toMatch(/^[\w./-]+:\d+(\.\d+)+[\w.-]*$/);
  });
});

describe('the CI workflow', () => {
  const job = ci.jobs['check-and-test']!;

  it('should check and test every push', () => {
    expect(Object.keys(ci.on)).toContain('push');
    const commands = runs(ci);
    expect(commands).toMatch(/npm ci\b/);
    expect(commands).toMatch(/npm run check\b/);
    expect(commands).toMatch(/npm test\b/);
  });

  it('should give the suite PostgreSQL and Redis on the loopback ports the tests use', () => {
    expect(job.services?.postgres?.ports).toContain('5432:5432');
    expect(job.services?.redis?.ports).toContain('6379:6379');
  });

  it('should install the system packages .ci/run installs', () => {
    const ciRun = readFileSync(path.join(repositoryRoot, '.ci/run'), 'utf8');
    const needed = [...ciRun.matchAll(/apt_install ([^\n|&;]+)/g)]
      .flatMap((match) => match[1]!.trim().split(/\s+/))
      .filter((name) => !name.startsWith('"'));
    // Replaced on GitHub's runner: Redis by the service container, chromium by the runner's Chrome,
    // kubernetes-client by the kubectl the runner image ships.
    const replaced = ['redis-server', 'chromium', 'kubernetes-client'];
    const installed = runs(ci);
    for (const name of needed.filter((name) => !replaced.includes(name)))
      expect(installed, `apt package ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

describe('the release workflow', () => {
  const images = release.jobs.images!;
  const matrix = images.strategy!.matrix.include;

  it('should run on version tags and reach AWS through OIDC, with no stored keys', () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(release.permissions).toMatchObject({ 'id-token': 'write', contents: 'read' });
    const credentials = steps(release).filter((step) =>
      step.uses?.startsWith('aws-actions/configure-aws-credentials'),
    );
    expect(credentials.length).toBeGreaterThan(0);
    for (const step of credentials) {
      expect(step.with).toHaveProperty('role-to-assume');
      expect(step.with).not.toHaveProperty('aws-secret-access-key');
    }
  });

  it('should build every image we have a Dockerfile for', () => {
    const dockerfiles = readdirSync(path.join(repositoryRoot, 'deploy/docker'))
      .filter((file) => file.endsWith('.Dockerfile'))
      .map((file) => `deploy/docker/${file}`);
    expect(matrix.map((entry) => entry.dockerfile).sort()).toEqual(dockerfiles.sort());
    for (const entry of matrix) {
      const role = path.basename(entry.dockerfile!, '.Dockerfile');
      expect(entry.role).toBe(role);
      // The repositories deploy/aws creates and deploy/k8s names; the CUDA build is a tag of stt's.
      expect(entry.image).toBe(`healthcare/${role.replace(/-cuda$/, '')}`);
      expect(entry.suffix).toBe(role.endsWith('-cuda') ? '-cuda' : '');
    }
  });

  it('should record an SBOM and stop on a critical vulnerability before pushing', () => {
    const names = images.steps.map((step) => step.uses?.split('@')[0] ?? step.run ?? '');
    const build = names.indexOf('docker/build-push-action');
    const sbom = names.indexOf('anchore/sbom-action');
    const scan = names.indexOf('aquasecurity/trivy-action');
    const push = names.findIndex((name) => name.startsWith('docker push'));
    expect(build).toBeGreaterThanOrEqual(0);
    expect(images.steps[build]!.with).toMatchObject({ load: true });
    expect(images.steps[build]!.with).not.toHaveProperty('push', true);
    expect(sbom).toBeGreaterThan(build);
    expect(scan).toBeGreaterThan(build);
    expect(push).toBeGreaterThan(Math.max(sbom, scan));
    expect(images.steps[scan]!.with).toMatchObject({ severity: 'CRITICAL', 'exit-code': '1' });
  });

  it('should deploy the production overlay after the images, with the images it built', () => {
    const deploy = release.jobs.deploy!;
    expect(deploy.needs).toBe('images');
    const commands = runs({ ...release, jobs: { deploy } });
    expect(commands).toMatch(/kubectl apply -k deploy\/k8s\/overlays\/production/);
    const pinned = deploy.steps.find((step) => step['working-directory'])!;
    expect(pinned['working-directory']).toBe('deploy/k8s/overlays/production');
    for (const image of ['healthcare/web', 'healthcare/worker', 'healthcare/stt'])
      expect(pinned.run).toContain(`"${image}=`);
    expect(pinned.run).toMatch(/healthcare\/stt:\$\{\{ github\.ref_name \}\}-cuda/);
    // deploy/k8s arrives with issue 7's Kubernetes part; once it is here, the overlay must be too.
    if (existsSync(path.join(repositoryRoot, 'deploy/k8s')))
      expect(existsSync(path.join(repositoryRoot, 'deploy/k8s/overlays/production/kustomization.yaml'))).toBe(
        true,
      );
  });
});
