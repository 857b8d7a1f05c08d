import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { environmentSchema } from '@healthcare/core/config/config-schema';
import { sttServiceEnvironmentSchema } from '@healthcare/core/config/stt-service-config';
import { describe, expect, it } from 'vitest';
import { isExcludedFromContext } from './dockerignore';
import { execForm, parseDockerfile, parseEnv, type DockerStage } from './parse-dockerfile';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const dockerDir = path.join(repositoryRoot, 'deploy/docker');
const dockerignore = path.join(repositoryRoot, '.dockerignore');
const dockerfiles = readdirSync(dockerDir).filter((file) => file.endsWith('.Dockerfile'));

// An exact release: a version number (v3.5.0, 20.20.2-bookworm-slim) or MinIO's dated releases.
// A digest, when given, must be a real one, never a placeholder.
const pinnedImage = /^[\w./-]+:(v?\d+(\.\d+)+[\w.-]*|RELEASE\.[\dTZ-]+)(@sha256:[0-9a-f]{64})?$/;
const secretLooking = /SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIAL/i;

const finalStage = (stages: DockerStage[]) => stages.at(-1)!;
const instructionsOf = (stage: DockerStage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword);

describe.each(dockerfiles)('deploy/docker/%s', (dockerfile) => {
  const stages = parseDockerfile(path.join(dockerDir, dockerfile));
  const runtime = finalStage(stages);

  it('should build in stages and ship only the last one', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.name).toBe('runtime');
  });

  it('should start every stage from a pinned release or an earlier stage', () => {
    const earlier = new Set<string>();
    for (const stage of stages) {
      if (!earlier.has(stage.from)) expect(stage.from).toMatch(pinnedImage);
      if (stage.name) earlier.add(stage.name);
      for (const copy of instructionsOf(stage, 'COPY')) {
        const from = /--from=(\S+)/.exec(copy.args)?.[1];
        if (from && !earlier.has(from)) expect(from).toMatch(pinnedImage);
      }
    }
  });

  it('should run as a non-root user', () => {
    const user = instructionsOf(runtime, 'USER').at(-1)?.args;
    expect(user, 'the runtime stage sets USER').toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('should declare a health check and a command', () => {
    const healthcheck = instructionsOf(runtime, 'HEALTHCHECK').at(-1)?.args;
    expect(healthcheck).toMatch(/^(--\S+\s+)*CMD\s/);
    expect([...instructionsOf(runtime, 'CMD'), ...instructionsOf(runtime, 'ENTRYPOINT')]).not.toHaveLength(0);
  });

  it('should bake no secret into a build argument or the environment', () => {
    for (const stage of stages) {
      for (const arg of instructionsOf(stage, 'ARG'))
        expect(arg.args.split('=')[0]).not.toMatch(secretLooking);
      for (const env of instructionsOf(stage, 'ENV'))
        for (const name of Object.keys(parseEnv(env.args))) expect(name).not.toMatch(secretLooking);
    }
  });

  it('should copy only files that exist and that the build context keeps', () => {
    for (const stage of stages) {
      for (const copy of instructionsOf(stage, 'COPY')) {
        if (/--from=/.test(copy.args)) continue;
        const words = copy.args.split(/\s+/).filter((word) => !word.startsWith('--'));
        for (const source of words.slice(0, -1)) {
          if (source === '.') continue;
          expect(existsSync(path.join(repositoryRoot, source)), `${source} (line ${copy.line})`).toBe(true);
          expect(isExcludedFromContext(dockerignore, source), `${source} is in .dockerignore`).toBe(false);
        }
      }
    }
  });
});

describe('the application images', () => {
  const appImages: Record<string, string[]> = {
    'web.Dockerfile': Object.keys(environmentSchema.shape),
    'worker.Dockerfile': Object.keys(environmentSchema.shape),
    'stt.Dockerfile': Object.keys(sttServiceEnvironmentSchema.shape),
    'stt-cuda.Dockerfile': Object.keys(sttServiceEnvironmentSchema.shape),
  };
  // Read by Node, Next.js or the NVIDIA container runtime rather than by our configuration.
  const platformVariables = [
    'NODE_ENV',
    'NEXT_TELEMETRY_DISABLED',
    'NVIDIA_VISIBLE_DEVICES',
    'NVIDIA_DRIVER_CAPABILITIES',
  ];

  it.each(Object.entries(appImages))(
    '%s should set only variables our configuration reads',
    (file, known) => {
      const runtime = finalStage(parseDockerfile(path.join(dockerDir, file)));
      const env: Record<string, string> = Object.assign(
        {},
        ...instructionsOf(runtime, 'ENV').map((instruction) => parseEnv(instruction.args)),
      );
      const names = Object.keys(env);
      expect(names.filter((name) => !known.includes(name) && !platformVariables.includes(name))).toEqual([]);
      // Inside a container a port must listen beyond loopback (the worker has only its metrics one).
      expect(env.HOST ?? env.METRICS_HOST).toBe('0.0.0.0');
    },
  );

  it('should start the web role the way `npm start` does, through tsx and our server', () => {
    const runtime = finalStage(parseDockerfile(path.join(dockerDir, 'web.Dockerfile')));
    expect(execForm(instructionsOf(runtime, 'CMD').at(-1)!.args)).toEqual([
      'node',
      '--import',
      'tsx',
      'apps/web/src/server/main.ts',
    ]);
    const rootPackage = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(rootPackage.scripts.start).toContain('tsx apps/web/src/server/main.ts');
  });

  it('should build whisper.cpp with CUDA for the GPU variant and ask for the GPU at run time', () => {
    const stages = parseDockerfile(path.join(dockerDir, 'stt-cuda.Dockerfile'));
    expect(finalStage(stages).from).toMatch(/^nvidia\/cuda:[\d.]+-runtime-/);
    const runs = stages.flatMap((stage) => instructionsOf(stage, 'RUN').map((run) => run.args)).join('\n');
    expect(runs).toMatch(/GGML_CUDA=1/);
    expect(runs).toMatch(/BYOL=.*libwhisper\.a.*-lcublas/);
    const env = instructionsOf(finalStage(stages), 'ENV').map((instruction) => parseEnv(instruction.args));
    expect(Object.assign({}, ...env)).toMatchObject({ STT_GPU: 'true' });
  });
});

describe('.dockerignore', () => {
  it('should keep dependencies, builds, local data, secrets and history out of the context', () => {
    for (const excluded of [
      'node_modules',
      'apps/web/node_modules',
      'apps/web/.next',
      'data',
      '.env',
      'deploy/docker/.env',
      '.git',
      'certs/server.key',
    ])
      expect(isExcludedFromContext(dockerignore, excluded), excluded).toBe(true);
    for (const kept of ['package-lock.json', 'apps/web/src/server/main.ts', '.env.example', '.npmrc'])
      expect(isExcludedFromContext(dockerignore, kept), kept).toBe(false);
  });
});
