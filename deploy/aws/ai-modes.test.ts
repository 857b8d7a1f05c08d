import { environmentSchema } from '@healthcare/core/config/config-schema';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ai } from './lib/ai';
import {
  cdkJsonContext,
  containerOf,
  environmentOf,
  referencedId,
  secretNamesOf,
  synthHealthcareStack,
} from './testing/synth-healthcare-stack';

const certificateArn = 'arn:aws:acm:sa-east-1:111122223333:certificate/0d7a1b2c-0000-4000-8000-000000000000';

describe('external ai (aiMode=external)', () => {
  let template: Template;

  beforeAll(() => {
    template = synthHealthcareStack({
      aiMode: 'external',
      externalSttProvider: 'deepgram',
      externalLlmProvider: 'anthropic',
      region: 'sa-east-1',
      certificateArn,
    }).template;
  });

  it('should run no GPU capacity and no internal load balancer', () => {
    template.resourceCountIs('AWS::AutoScaling::AutoScalingGroup', 0);
    template.resourceCountIs('AWS::EC2::LaunchTemplate', 0);
    template.resourceCountIs('AWS::ECS::CapacityProvider', 0);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
    });
  });

  it('should keep the provider keys in Secrets Manager and inject them as ECS secrets', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    const keyIds = (provider: string) =>
      Object.entries(secrets)
        .filter(([, secret]) => secret.Properties.Name === `healthcare/ai/${provider}-api-key`)
        .map(([id]) => id);
    expect(keyIds('deepgram')).toHaveLength(1);
    expect(keyIds('anthropic')).toHaveLength(1);
    expect(keyIds('openai')).toHaveLength(0);
    for (const [task, name] of [
      ['AppWebTask', 'web'],
      ['AppWorkerTask', 'worker'],
    ] as const) {
      const container = containerOf(template, task, name);
      const valueFrom = Object.fromEntries(
        (container.Secrets ?? []).map((secret) => [secret.Name, referencedId(secret.ValueFrom)]),
      );
      expect(valueFrom.STT_API_KEY).toBe(keyIds('deepgram')[0]);
      expect(valueFrom.LLM_API_KEY).toBe(keyIds('anthropic')[0]);
      const environment = environmentOf(container);
      expect(environment).toMatchObject({ STT_PROVIDER: 'deepgram', LLM_PROVIDER: 'anthropic' });
      expect(Object.keys(environment).filter((variable) => variable.endsWith('_API_KEY'))).toEqual([]);
      const known = new Set(Object.keys(environmentSchema.shape));
      const names = [...Object.keys(environment), ...secretNamesOf(container)];
      expect(names.filter((variable) => !known.has(variable))).toEqual([]);
    }
  });

  it('should use a given certificate instead of requesting one, in the region and zones asked for', () => {
    template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Certificates: [{ CertificateArn: certificateArn }],
    });
    const zones = new Set(
      Object.values(template.findResources('AWS::EC2::Subnet')).map(
        (subnet) => subnet.Properties.AvailabilityZone,
      ),
    );
    expect([...zones].sort()).toEqual(['sa-east-1a', 'sa-east-1b', 'sa-east-1c']);
  });
});

describe('self-hosted ai on spot capacity (gpuSpot=true)', () => {
  let template: Template;

  // The AI construct alone: a whole stack again would cost another full synth.
  beforeAll(() => {
    const stack = new Stack(new App({ context: cdkJsonContext() }), 'AiOnly', {
      env: { region: 'us-east-1' },
    });
    const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['us-east-1a', 'us-east-1b'] });
    new Ai(stack, 'Ai', {
      settings: {
        aiMode: 'self-hosted',
        gpuSpot: true,
        imageTag: '1.0.0',
        llmModel: 'qwen2.5:7b-instruct',
        externalSttProvider: 'deepgram',
        externalLlmProvider: 'anthropic',
      },
      vpc,
      cluster: new ecs.Cluster(stack, 'Cluster', { vpc }),
      sttRepository: new ecr.Repository(stack, 'Stt'),
      logGroups: { stt: new logs.LogGroup(stack, 'SttLogs'), llm: new logs.LogGroup(stack, 'LlmLogs') },
    });
    template = Template.fromStack(stack);
  });

  it('should buy the GPU hosts entirely on spot, capacity-optimized', () => {
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      MixedInstancesPolicy: {
        InstancesDistribution: {
          OnDemandBaseCapacity: 0,
          OnDemandPercentageAboveBaseCapacity: 0,
          SpotAllocationStrategy: 'capacity-optimized',
        },
        LaunchTemplate: { Overrides: [{ InstanceType: 'g4dn.xlarge' }] },
      },
    });
  });
});
