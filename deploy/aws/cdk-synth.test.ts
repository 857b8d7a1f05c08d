import { imageRoles } from './lib/registries';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appDirectory = path.dirname(fileURLToPath(import.meta.url));
const cdk = path.resolve(appDirectory, '../../node_modules/.bin/cdk');

// The real entry point through the real CLI and cdk.json, as an operator runs it: offline, with no
// AWS credentials in the environment, so any lookup or account call would fail the synth.
describe('cdk synth', () => {
  let outdir: string;
  let result: { stdout: string; stderr: string };

  beforeAll(async () => {
    outdir = await mkdtemp(path.join(tmpdir(), 'healthcare-cdk-'));
    const environment: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(environment)) {
      if (name.startsWith('AWS_') || name.startsWith('CDK_')) delete environment[name];
    }
    result = await promisify(execFile)(
      cdk,
      [
        'synth',
        '--no-notices',
        '--no-version-reporting',
        '--quiet',
        '--output',
        outdir,
        '-c',
        'aiMode=external',
      ],
      {
        cwd: appDirectory,
        env: { ...environment, CDK_DISABLE_VERSION_CHECK: 'true', AWS_EC2_METADATA_DISABLED: 'true' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  }, 300_000);

  afterAll(async () => {
    if (outdir) await rm(outdir, { recursive: true, force: true });
  });

  it('should write a cloud assembly with the stack, needing no context lookups', async () => {
    const manifest = JSON.parse(await readFile(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(manifest.missing ?? []).toEqual([]);
    for (const stack of ['HealthCareRegistries', 'HealthCare']) {
      expect(manifest.artifacts[stack]).toMatchObject({
        type: 'aws:cloudformation:stack',
        environment: 'aws://unknown-account/us-east-1',
      });
    }
    expect(manifest.artifacts.HealthCare.dependencies).toContain('HealthCareRegistries');
    expect(result.stderr).not.toMatch(/\[Error|error TS/);
  });

  it('should synthesize the settings given on the command line over cdk.json', async () => {
    const template = JSON.parse(await readFile(path.join(outdir, 'HealthCare.template.json'), 'utf8'));
    expect(template.Description).toBe('HealthCare clinical documentation (AI: external)');
    const types = Object.values(template.Resources as Record<string, { Type: string }>).map(
      (resource) => resource.Type,
    );
    for (const type of [
      'AWS::EC2::VPC',
      'AWS::RDS::DBInstance',
      'AWS::ElastiCache::ReplicationGroup',
      'AWS::S3::Bucket',
      'AWS::ECS::Service',
      'AWS::WAFv2::WebACL',
      'AWS::CloudWatch::Alarm',
    ]) {
      expect(types).toContain(type);
    }
    expect(types).not.toContain('AWS::AutoScaling::AutoScalingGroup');
    const registries = JSON.parse(
      await readFile(path.join(outdir, 'HealthCareRegistries.template.json'), 'utf8'),
    );
    // One repository per image role, nothing else.
    expect(Object.keys(registries.Resources)).toHaveLength(imageRoles.length);
  });
});
