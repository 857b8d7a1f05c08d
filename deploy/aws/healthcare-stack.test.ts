import { environmentSchema } from '@healthcare/core/config/config-schema';
import { sttServiceEnvironmentSchema } from '@healthcare/core/config/stt-service-config';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegistriesStack } from './lib/registries';
import {
  containerOf,
  containersOf,
  environmentOf,
  onlyId,
  referencedId,
  secretNamesOf,
  synthHealthcareStack,
  type TemplateResources,
} from './testing/synth-healthcare-stack';

// The default deployment (cdk.json): self-hosted AI. ai-modes.test.ts covers the external choice.
let template: Template;
let resources: TemplateResources;
let appSecurityGroupId: string;

beforeAll(() => {
  template = synthHealthcareStack().template;
  resources = template.toJSON().Resources as TemplateResources;
  appSecurityGroupId = onlyId(
    template.findResources('AWS::EC2::SecurityGroup', {
      Properties: { GroupDescription: 'Web, worker and migration tasks' },
    }),
  );
});

const ingressRules = () =>
  Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::EC2::SecurityGroupIngress')
    .map((resource) => resource.Properties);

describe('network', () => {
  it('should spread public, private and isolated subnets over three availability zones', () => {
    template.resourceCountIs('AWS::EC2::VPC', 1);
    const subnets = Object.entries(template.findResources('AWS::EC2::Subnet'));
    expect(subnets).toHaveLength(9);
    const zones = new Set(subnets.map(([, subnet]) => subnet.Properties.AvailabilityZone));
    expect([...zones].sort()).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    for (const tier of ['public', 'private', 'isolated']) {
      expect(subnets.filter(([id]) => id.startsWith(`NetworkVpc${tier}`))).toHaveLength(3);
    }
  });

  it('should give isolated subnets no route out, and every zone its own NAT gateway', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 3);
    const routedTables = Object.values(template.findResources('AWS::EC2::Route')).map((route) =>
      referencedId(route.Properties.RouteTableId),
    );
    expect(routedTables.filter((table) => table?.startsWith('NetworkVpcisolated'))).toEqual([]);
    expect(routedTables.filter((table) => table?.startsWith('NetworkVpcprivate'))).toHaveLength(3);
  });

  it('should keep S3 traffic off the NAT with the free gateway endpoint', () => {
    const endpoints = Object.values(template.findResources('AWS::EC2::VPCEndpoint'));
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]!.Properties.VpcEndpointType).toBe('Gateway');
    expect(JSON.stringify(endpoints[0]!.Properties.ServiceName)).toContain('.s3');
  });
});

describe('database', () => {
  it('should run PostgreSQL Multi-AZ, encrypted, in isolated subnets, never public', () => {
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      MultiAZ: true,
      StorageEncrypted: true,
      PubliclyAccessible: false,
    });
    const subnetGroup = Object.values(template.findResources('AWS::RDS::DBSubnetGroup'))[0]!;
    const subnetIds = subnetGroup.Properties.SubnetIds.map(referencedId);
    expect(subnetIds).toHaveLength(3);
    expect(subnetIds.every((id: string) => id.startsWith('NetworkVpcisolated'))).toBe(true);
  });

  it('should keep automated backups for point-in-time recovery and resist deletion', () => {
    template.hasResource('AWS::RDS::DBInstance', {
      Properties: Match.objectLike({
        BackupRetentionPeriod: 35,
        DeleteAutomatedBackups: false,
        DeletionProtection: true,
      }),
      DeletionPolicy: 'Snapshot',
      UpdateReplacePolicy: 'Snapshot',
    });
  });

  it('should take the owner password from Secrets Manager, never from the template', () => {
    const instance = Object.values(template.findResources('AWS::RDS::DBInstance'))[0]!;
    expect(JSON.stringify(instance.Properties.MasterUserPassword)).toContain('{{resolve:secretsmanager:');
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({
        SecretStringTemplate: '{"username":"healthcare_owner"}',
        GenerateStringKey: 'password',
        ExcludePunctuation: true,
      }),
    });
  });

  it('should force TLS with a parameter group, and connect with certificate verification', () => {
    template.hasResourceProperties('AWS::RDS::DBParameterGroup', {
      Family: 'postgres17',
      Parameters: Match.objectLike({ 'rds.force_ssl': '1' }),
    });
    const instance = Object.values(template.findResources('AWS::RDS::DBInstance'))[0]!;
    expect(referencedId(instance.Properties.DBParameterGroupName)).toMatch(/^DatabaseParameters/);
    const connection = JSON.stringify(
      Object.entries(template.findResources('AWS::SecretsManager::Secret')).find(([id]) =>
        id.startsWith('DatabaseConnectionSecret'),
      )![1].Properties.SecretString,
    );
    expect(connection).toContain('postgresql://healthcare_app:{{resolve:secretsmanager:');
    expect(connection).toContain('postgresql://healthcare_owner:{{resolve:secretsmanager:');
    expect(connection.match(/sslmode=verify-full&sslrootcert=/g)).toHaveLength(2);
  });

  it('should admit only the app tasks on 5432', () => {
    const rules = ingressRules().filter((rule) => rule.FromPort === 5432);
    expect(rules).toHaveLength(1);
    expect(referencedId(rules[0].SourceSecurityGroupId)).toBe(appSecurityGroupId);
    expect(referencedId(rules[0].GroupId)).toMatch(/^DatabaseSecurityGroup/);
  });
});

describe('cache', () => {
  it('should replicate Redis across zones with automatic failover', () => {
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      Engine: 'redis',
      NumCacheClusters: 2,
      AutomaticFailoverEnabled: true,
      MultiAZEnabled: true,
    });
  });

  it('should require TLS and an auth token from Secrets Manager, and encrypt at rest', () => {
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      TransitEncryptionEnabled: true,
      TransitEncryptionMode: 'required',
      AtRestEncryptionEnabled: true,
    });
    const group = Object.values(template.findResources('AWS::ElastiCache::ReplicationGroup'))[0]!;
    expect(JSON.stringify(group.Properties.AuthToken)).toContain('{{resolve:secretsmanager:');
    const connection = Object.entries(template.findResources('AWS::SecretsManager::Secret')).find(([id]) =>
      id.startsWith('CacheConnectionSecret'),
    )![1];
    expect(JSON.stringify(connection.Properties.SecretString)).toContain(
      'rediss://:{{resolve:secretsmanager:',
    );
  });

  it('should sit in isolated subnets and admit only the app tasks on 6379', () => {
    const subnetGroup = Object.values(template.findResources('AWS::ElastiCache::SubnetGroup'))[0]!;
    expect(
      subnetGroup.Properties.SubnetIds.map(referencedId).every((id: string) =>
        id.startsWith('NetworkVpcisolated'),
      ),
    ).toBe(true);
    const rules = ingressRules().filter((rule) => rule.FromPort === 6379);
    expect(rules).toHaveLength(1);
    expect(referencedId(rules[0].SourceSecurityGroupId)).toBe(appSecurityGroupId);
  });
});

describe('storage', () => {
  it('should encrypt with a rotated KMS key, version objects, and block all public access', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              BucketKeyEnabled: true,
              ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() },
            },
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      }),
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('should refuse requests without TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('should abort abandoned multipart uploads and expire old versions', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
        ]),
      },
    });
  });
});

describe('registries', () => {
  let registries: Template;

  beforeAll(() => {
    registries = Template.fromStack(new RegistriesStack(new App(), 'HealthCareRegistries'));
  });

  it('should keep one ECR repository per image role, scanned on push, with immutable tags', () => {
    registries.resourceCountIs('AWS::ECR::Repository', 4);
    for (const role of ['web', 'worker', 'stt', 'nginx']) {
      registries.hasResource('AWS::ECR::Repository', {
        Properties: Match.objectLike({
          RepositoryName: `healthcare/${role}`,
          ImageScanningConfiguration: { ScanOnPush: true },
          ImageTagMutability: 'IMMUTABLE',
        }),
        DeletionPolicy: 'Retain',
      });
    }
  });

  it('should run the images of this release from those repositories', () => {
    template.resourceCountIs('AWS::ECR::Repository', 0);
    for (const [task, name, role] of [
      ['AppWebTask', 'web', 'web'],
      ['AppWorkerTask', 'worker', 'worker'],
      ['AppMigrationTask', 'migrate', 'web'],
      ['AiSelfHostedSttTask', 'Stt', 'stt'],
    ] as const) {
      const image = JSON.stringify(containerOf(template, task, name).Image);
      // The GPU hosts run the CUDA build of stt (deploy/docker/stt-cuda.Dockerfile).
      const tag = role === 'stt' ? '0.0.0-dev-cuda' : '0.0.0-dev';
      expect(image, `${task}/${name}`).toContain(`/healthcare/${role}:${tag}"`);
    }
  });
});

describe('app', () => {
  it('should size the web task at 2 vCPU / 4 GB on Fargate and run at least two of them privately', () => {
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '2048',
      Memory: '4096',
      RequiresCompatibilities: ['FARGATE'],
      ContainerDefinitions: Match.arrayWith([Match.objectLike({ Name: 'web' })]),
    });
    const web = Object.entries(template.findResources('AWS::ECS::Service')).find(([id]) =>
      id.startsWith('AppWebService'),
    )![1];
    expect(web.Properties.DesiredCount).toBe(2);
    expect(web.Properties.LaunchType).toBe('FARGATE');
    expect(web.Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
  });

  it('should scale the web service on 70% CPU from two tasks, and the worker on its own', () => {
    const targets = Object.entries(template.findResources('AWS::ApplicationAutoScaling::ScalableTarget'));
    const webTarget = targets.find(([id]) => id.startsWith('AppWebService'))!;
    const workerTarget = targets.find(([id]) => id.startsWith('AppWorkerService'))!;
    expect(webTarget[1].Properties.MinCapacity).toBe(2);
    expect(workerTarget[1].Properties.MinCapacity).toBeGreaterThanOrEqual(1);
    const policies = Object.values(template.findResources('AWS::ApplicationAutoScaling::ScalingPolicy'));
    const policyOf = (targetId: string) =>
      policies.find((policy) => referencedId(policy.Properties.ScalingTargetId) === targetId)!.Properties;
    expect(policyOf(webTarget[0]).TargetTrackingScalingPolicyConfiguration).toMatchObject({
      TargetValue: 70,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
    });
    expect(policyOf(workerTarget[0]).PolicyType).toBe('TargetTrackingScaling');
  });

  it('should serve HTTPS with the domain certificate and redirect HTTP to HTTPS', () => {
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'healthcare.example.com',
      ValidationMethod: 'DNS',
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
      ]),
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      Certificates: [{ CertificateArn: { Ref: Match.stringLikeRegexp('^AppCertificate') } }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [
        { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
      ],
    });
  });

  it('should have a migration task definition that alone holds the owner login', () => {
    const migrate = containerOf(template, 'AppMigrationTask', 'migrate');
    expect(migrate.Command).toEqual(['npm', 'run', 'db:migrate']);
    expect(secretNamesOf(migrate)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'DATABASE_APP_PASSWORD']),
    );
    for (const [name, container] of containersOf(template)) {
      if (container.Name !== 'migrate') {
        expect(secretNamesOf(container), name).not.toContain('DATABASE_MIGRATION_URL');
      }
    }
  });

  it('should migrate before the web and worker containers start', () => {
    for (const [task, name] of [
      ['AppWebTask', 'web'],
      ['AppWorkerTask', 'worker'],
    ] as const) {
      expect(containerOf(template, task, name).DependsOn).toEqual([
        { ContainerName: 'migrate', Condition: 'SUCCESS' },
      ]);
    }
  });

  it('should pass the app its connections as secrets, and only variables its config reads', () => {
    const known = new Set(Object.keys(environmentSchema.shape));
    for (const [task, name] of [
      ['AppWebTask', 'web'],
      ['AppWebTask', 'migrate'],
      ['AppWorkerTask', 'worker'],
      ['AppMigrationTask', 'migrate'],
    ] as const) {
      const container = containerOf(template, task, name);
      const names = [...Object.keys(environmentOf(container)), ...secretNamesOf(container)];
      expect(
        names.filter((variable) => !known.has(variable)),
        `${task}/${name}`,
      ).toEqual([]);
    }
    const web = containerOf(template, 'AppWebTask', 'web');
    expect(secretNamesOf(web)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'AUTH_JWT_PRIVATE_KEY']),
    );
    expect(environmentOf(web)).toMatchObject({
      HOST: '0.0.0.0',
      PORT: '3000',
      PUBLIC_URL: 'https://healthcare.example.com',
      TRUST_PROXY_HOPS: '1',
      S3_SERVER_SIDE_ENCRYPTION: 'aws:kms',
    });
    const stt = containerOf(template, 'AiSelfHostedSttTask', 'Stt');
    // CDK adds AWS_REGION to EC2-hosted tasks, whose metadata endpoint it blocks, for AWS SDKs.
    const sttKnown = new Set([...Object.keys(sttServiceEnvironmentSchema.shape), 'AWS_REGION']);
    expect(Object.keys(environmentOf(stt)).filter((variable) => !sttKnown.has(variable))).toEqual([]);
  });
});

describe('waf', () => {
  it('should attach a regional WebACL with the AWS managed rule groups to the load balancer', () => {
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0]!.Properties;
    expect(acl.Scope).toBe('REGIONAL');
    const managed = acl.Rules.map((rule: any) => rule.Statement.ManagedRuleGroupStatement?.Name).filter(
      Boolean,
    );
    expect(managed.sort()).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesSQLiRuleSet',
    ]);
    const association = Object.values(template.findResources('AWS::WAFv2::WebACLAssociation'))[0]!;
    expect(referencedId(association.Properties.ResourceArn)).toMatch(/^AppLoadBalancer/);
  });

  it('should block an IP over the rate limit, and let large bodies (audio) past the size rule', () => {
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0]!.Properties;
    const rateRule = acl.Rules.find((rule: any) => rule.Statement.RateBasedStatement);
    expect(rateRule).toMatchObject({
      Action: { Block: {} },
      Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 3000 } },
    });
    const common = acl.Rules.find(
      (rule: any) => rule.Statement.ManagedRuleGroupStatement?.Name === 'AWSManagedRulesCommonRuleSet',
    );
    expect(common.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
  });
});

describe('self-hosted ai', () => {
  it('should run GPU hosts (g4dn.xlarge, on demand by default) in private subnets', () => {
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({ InstanceType: 'g4dn.xlarge' }),
    });
    const group = Object.values(template.findResources('AWS::AutoScaling::AutoScalingGroup'))[0]!.Properties;
    expect(
      group.VPCZoneIdentifier.map(referencedId).every((id: string) => id.startsWith('NetworkVpcprivate')),
    ).toBe(true);
    expect(group.MixedInstancesPolicy.InstancesDistribution.OnDemandPercentageAboveBaseCapacity).toBe(100);
    template.resourceCountIs('AWS::ECS::CapacityProvider', 1);
  });

  it('should give speech-to-text and the language model a GPU each', () => {
    for (const [task, name] of [
      ['AiSelfHostedSttTask', 'Stt'],
      ['AiSelfHostedLlmTask', 'Llm'],
    ] as const) {
      expect(containerOf(template, task, name).ResourceRequirements).toEqual([{ Type: 'GPU', Value: '1' }]);
    }
  });

  it('should pull the language model before the server listens on its public port', () => {
    const llm = containerOf(template, 'AiSelfHostedLlmTask', 'Llm');
    expect(llm.EntryPoint).toEqual(['/bin/sh', '-c']);
    const script = llm.Command!.join(' ');
    expect(script.indexOf('ollama pull "$OLLAMA_PULL_MODEL"')).toBeLessThan(
      script.indexOf('exec ollama serve'),
    );
    expect(environmentOf(llm)).toMatchObject({
      OLLAMA_HOST: '0.0.0.0:11434',
      OLLAMA_PULL_MODEL: 'qwen2.5:7b-instruct',
    });
  });

  it('should admit only the app security group to the internal load balancer', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal' });
    const loadBalancerGroup = onlyId(
      template.findResources('AWS::EC2::SecurityGroup', {
        Properties: { GroupDescription: Match.stringLikeRegexp('^Internal AI load balancer') },
      }),
    );
    expect(resources[loadBalancerGroup]!.Properties.SecurityGroupIngress).toBeUndefined();
    const rules = ingressRules().filter((rule) => referencedId(rule.GroupId) === loadBalancerGroup);
    expect(rules.map((rule) => rule.FromPort).sort()).toEqual([11434, 9000]);
    expect(rules.every((rule) => referencedId(rule.SourceSecurityGroupId) === appSecurityGroupId)).toBe(true);
    for (const prefix of ['AiSelfHostedSttService', 'AiSelfHostedLlmService']) {
      const taskRules = ingressRules().filter((rule) => referencedId(rule.GroupId)?.startsWith(prefix));
      expect(taskRules.map((rule) => referencedId(rule.SourceSecurityGroupId))).toEqual([loadBalancerGroup]);
    }
  });

  it('should point the app at the internal load balancer with OpenAI-compatible providers', () => {
    const environment = environmentOf(containerOf(template, 'AppWorkerTask', 'worker'));
    expect(environment).toMatchObject({
      STT_PROVIDER: 'openai',
      LLM_PROVIDER: 'openai',
      LLM_MODEL: 'qwen2.5:7b-instruct',
    });
    expect(JSON.stringify(environment.STT_BASE_URL)).toMatch(/AiSelfHostedInternalLoadBalancer.*:9000\/v1/);
    expect(JSON.stringify(environment.LLM_BASE_URL)).toMatch(/AiSelfHostedInternalLoadBalancer.*:11434\/v1/);
    expect(secretNamesOf(containerOf(template, 'AppWorkerTask', 'worker'))).not.toContain('LLM_API_KEY');
  });
});

describe('observability', () => {
  it('should give every log group a retention, and send every container to one', () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(5);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
    for (const stream of ['web', 'worker', 'migrate', 'stt', 'llm']) {
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/healthcare/${stream}`,
        RetentionInDays: 90,
      });
    }
    for (const [name, container] of containersOf(template)) {
      expect(container.LogConfiguration?.LogDriver, name).toBe('awslogs');
    }
  });

  it('should alarm on load balancer and target 5xx, response time, database CPU and free storage', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties,
    );
    const metrics = alarms.map((alarm) => `${alarm.Namespace}/${alarm.MetricName}`).sort();
    expect(metrics).toEqual([
      'AWS/ApplicationELB/HTTPCode_ELB_5XX_Count',
      'AWS/ApplicationELB/HTTPCode_Target_5XX_Count',
      'AWS/ApplicationELB/TargetResponseTime',
      'AWS/RDS/CPUUtilization',
      'AWS/RDS/FreeStorageSpace',
    ]);
    const topic = onlyId(template.findResources('AWS::SNS::Topic'));
    for (const alarm of alarms) expect(alarm.AlarmActions.map(referencedId)).toEqual([topic]);
  });
});
