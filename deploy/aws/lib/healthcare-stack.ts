import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { type Construct } from 'constructs';
import { Ai } from './ai';
import { AppServices } from './app-services';
import { Cache } from './cache';
import { Database } from './database';
import { Network } from './network';
import { Observability } from './observability';
import { importRepositories } from './registries';
import type { StackSettings } from './stack-settings';
import { Storage } from './storage';
import { Waf } from './waf';

export interface HealthcareStackProps extends StackProps {
  settings: StackSettings;
}

/** Where the web and worker images keep the RDS certificate bundle (deploy/docker). */
export const rdsCaBundlePath = '/etc/ssl/certs/rds-global-bundle.pem';

/** The cluster mode of docs/architecture.md on AWS: one construct per concern, wired here. */
export class HealthcareStack extends Stack {
  readonly network: Network;
  readonly database: Database;
  readonly cache: Cache;
  readonly storage: Storage;
  readonly observability: Observability;
  readonly ai: Ai;
  readonly app: AppServices;
  readonly waf: Waf;

  constructor(scope: Construct, id: string, props: HealthcareStackProps) {
    super(scope, id, props);
    const { settings } = props;
    this.network = new Network(this, 'Network', { availabilityZones: settings.availabilityZones });
    const vpc = this.network.vpc;
    // Deployed first by HealthCareRegistries (lib/registries.ts), so images exist before services start.
    const repositories = importRepositories(this);
    this.observability = new Observability(this, 'Observability', { alarmEmail: settings.alarmEmail });
    this.database = new Database(this, 'Database', { vpc, caBundlePath: rdsCaBundlePath });
    this.cache = new Cache(this, 'Cache', { vpc });
    this.storage = new Storage(this, 'Storage');

    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    this.ai = new Ai(this, 'Ai', {
      settings,
      vpc,
      cluster,
      sttRepository: repositories.stt,
      logGroups: this.observability.logGroups,
    });
    this.app = new AppServices(this, 'App', {
      vpc,
      cluster,
      domainName: settings.domainName,
      certificateArn: settings.certificateArn,
      repositories,
      imageTag: settings.imageTag,
      databaseSecret: this.database.connectionSecret,
      cacheSecret: this.cache.connectionSecret,
      bucket: this.storage.bucket,
      bucketKey: this.storage.key,
      aiEnvironment: this.ai.environment,
      aiSecrets: this.ai.secrets,
      logGroups: this.observability.logGroups,
    });
    this.database.securityGroup.addIngressRule(
      this.app.securityGroup,
      ec2.Port.tcp(5432),
      'app tasks to PostgreSQL',
    );
    this.cache.securityGroup.addIngressRule(this.app.securityGroup, ec2.Port.tcp(6379), 'app tasks to Redis');
    this.ai.allowFrom(this.app.securityGroup);
    this.waf = new Waf(this, 'Waf', { loadBalancer: this.app.loadBalancer });
    this.observability.watch({
      loadBalancer: this.app.loadBalancer,
      webTargets: this.app.webTargets,
      database: this.database.instance,
    });

    new CfnOutput(this, 'LoadBalancerDnsName', {
      value: this.app.loadBalancer.loadBalancerDnsName,
      description: `Point ${settings.domainName} here (CNAME or alias)`,
    });
    new CfnOutput(this, 'MigrationTaskDefinitionArn', { value: this.app.migrationTask.taskDefinitionArn });
    new CfnOutput(this, 'ClusterName', { value: cluster.clusterName });
    new CfnOutput(this, 'TaskSecurityGroupId', { value: this.app.securityGroup.securityGroupId });
    new CfnOutput(this, 'PrivateSubnetIds', {
      value: vpc.privateSubnets.map((subnet) => subnet.subnetId).join(','),
    });
  }
}
