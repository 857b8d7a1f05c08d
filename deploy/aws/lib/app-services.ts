import { Aws, Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface AppServicesProps {
  vpc: ec2.IVpc;
  cluster: ecs.Cluster;
  domainName: string;
  certificateArn: string | undefined;
  repositories: { web: ecr.IRepository; worker: ecr.IRepository };
  imageTag: string;
  databaseSecret: secretsmanager.ISecret;
  cacheSecret: secretsmanager.ISecret;
  bucket: s3.IBucket;
  bucketKey: kms.IKey;
  /** STT_* and LLM_* for the chosen AI mode. */
  aiEnvironment: Record<string, string>;
  aiSecrets: Record<string, ecs.Secret>;
  logGroups: { web: logs.ILogGroup; worker: logs.ILogGroup; migrate: logs.ILogGroup };
}

const webPort = 3000;
/**
 * Created by the operator before the first deploy (an Ed25519 PKCS#8 PEM, see deploy/aws/README.md):
 * every web replica must sign with the same key, and CloudFormation cannot generate one.
 */
export const authKeySecretName = 'healthcare/auth-jwt-private-key';
// As in the Dockerfiles' documented command; the owner login migrates, then sets the app role's password.
const migrateCommand = ['npm', 'run', 'db:migrate'];

/**
 * The web app (2+ Fargate tasks behind an HTTPS load balancer), the job workers, and the migration
 * step. Every task runs in private subnets; only the load balancer is public.
 */
export class AppServices extends Construct {
  readonly securityGroup: ec2.SecurityGroup;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly webTargets: elbv2.ApplicationTargetGroup;
  readonly webService: ecs.FargateService;
  readonly workerService: ecs.FargateService;
  readonly migrationTask: ecs.FargateTaskDefinition;

  private readonly props: AppServicesProps;
  private readonly authKey: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: AppServicesProps) {
    super(scope, id);
    this.props = props;
    this.authKey = secretsmanager.Secret.fromSecretNameV2(this, 'AuthKey', authKeySecretName);
    this.securityGroup = new ec2.SecurityGroup(this, 'TaskSecurityGroup', {
      vpc: props.vpc,
      description: 'Web, worker and migration tasks',
    });

    // Web: 2 vCPU / 4 GB, the size the seed's load estimate asked for (Next.js rendering plus streamed uploads).
    const webTask = this.taskDefinition('Web', { cpu: 2048, memoryLimitMiB: 4096 });
    const web = webTask.addContainer('web', {
      image: ecs.ContainerImage.fromEcrRepository(props.repositories.web, props.imageTag),
      environment: {
        ...this.baseEnvironment('healthcare-web'),
        HOST: '0.0.0.0',
        PORT: String(webPort),
        PUBLIC_URL: `https://${props.domainName}`,
        // The load balancer appends the client's address to X-Forwarded-For; nothing else sits in front.
        TRUST_PROXY_HOPS: '1',
        RUN_WORKER: 'false',
      },
      secrets: this.appSecrets(),
      portMappings: [{ containerPort: webPort }],
      logging: ecs.LogDrivers.awsLogs({ logGroup: props.logGroups.web, streamPrefix: 'web' }),
      stopTimeout: Duration.seconds(30),
    });
    this.addMigrationBeforeStart(webTask, web);
    this.webService = this.fargateService('Web', webTask, 2);
    const webScaling = this.webService.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 });
    webScaling.scaleOnCpuUtilization('Cpu70', {
      targetUtilizationPercent: 70,
      scaleInCooldown: Duration.minutes(5),
      scaleOutCooldown: Duration.minutes(1),
    });

    const workerTask = this.taskDefinition('Worker', { cpu: 1024, memoryLimitMiB: 2048 });
    const worker = workerTask.addContainer('worker', {
      image: ecs.ContainerImage.fromEcrRepository(props.repositories.worker, props.imageTag),
      environment: this.baseEnvironment('healthcare-worker'),
      secrets: this.appSecrets(),
      logging: ecs.LogDrivers.awsLogs({ logGroup: props.logGroups.worker, streamPrefix: 'worker' }),
      // Fargate's maximum: the worker finishes the jobs in hand (30 s) and a transcription window.
      stopTimeout: Duration.seconds(120),
    });
    this.addMigrationBeforeStart(workerTask, worker);
    this.workerService = this.fargateService('Worker', workerTask, 2);
    // Jobs wait on the AI services more than they compute, so CPU scales the worker later than
    // the web; queue age lives in Prometheus (job_queue_oldest_age_seconds), not in CloudWatch.
    const workerScaling = this.workerService.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 8 });
    workerScaling.scaleOnCpuUtilization('Cpu60', {
      targetUtilizationPercent: 60,
      scaleInCooldown: Duration.minutes(10),
      scaleOutCooldown: Duration.minutes(2),
    });

    // Run before a release whose migrations must precede the new code: aws ecs run-task (README).
    this.migrationTask = this.taskDefinition('Migration', { cpu: 512, memoryLimitMiB: 1024 });
    this.migrationTask.addContainer('migrate', this.migrationContainer(true));

    const certificate = props.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn)
      : new acm.Certificate(this, 'Certificate', {
          domainName: props.domainName,
          // No hosted zone is looked up (synth stays offline): ACM shows the CNAME to add at the DNS provider.
          validation: acm.CertificateValidation.fromDns(),
        });
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: props.vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
      // Left at 60 s: the server's keep-alive (65 s) must outlast it, and event streams send a
      // comment every 15 s.
      idleTimeout: Duration.seconds(60),
    });
    this.loadBalancer.addRedirect({
      sourcePort: 80,
      sourceProtocol: elbv2.ApplicationProtocol.HTTP,
      targetPort: 443,
      targetProtocol: elbv2.ApplicationProtocol.HTTPS,
    });
    const https = this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [certificate],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    });
    this.webTargets = https.addTargets('Web', {
      port: webPort,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.webService],
      // /healthz, not /readyz: /readyz fails when the shared database does, and then every task
      // would be taken out at once; the load balancer only needs to know the process answers.
      healthCheck: { path: '/healthz', healthyHttpCodes: '200', interval: Duration.seconds(15) },
      deregistrationDelay: Duration.seconds(30),
    });

    props.bucket.grantReadWrite(this.webService.taskDefinition.taskRole);
    props.bucket.grantReadWrite(this.workerService.taskDefinition.taskRole);
    // Erasure of a patient deletes the objects under their prefix.
    props.bucket.grantDelete(this.webService.taskDefinition.taskRole);
    props.bucket.grantDelete(this.workerService.taskDefinition.taskRole);
  }

  private taskDefinition(
    id: string,
    size: { cpu: number; memoryLimitMiB: number },
  ): ecs.FargateTaskDefinition {
    return new ecs.FargateTaskDefinition(this, `${id}Task`, {
      ...size,
      runtimePlatform: {
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
      },
    });
  }

  private fargateService(id: string, taskDefinition: ecs.FargateTaskDefinition, desiredCount: number) {
    return new ecs.FargateService(this, `${id}Service`, {
      cluster: this.props.cluster,
      taskDefinition,
      desiredCount,
      securityGroups: [this.securityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      enableExecuteCommand: false,
      ...(id === 'Web' ? { healthCheckGracePeriod: Duration.minutes(2) } : {}),
    });
  }

  /** Names exactly as packages/core/src/config reads them. */
  private baseEnvironment(serviceName: string): Record<string, string> {
    return {
      LOG_LEVEL: 'info',
      // stdout goes to CloudWatch through the awslogs driver; shipping from the app would duplicate it.
      LOG_DESTINATION: 'stdout',
      LOG_SERVICE_NAME: serviceName,
      S3_BUCKET: this.props.bucket.bucketName,
      S3_REGION: Aws.REGION,
      S3_SERVER_SIDE_ENCRYPTION: 'aws:kms',
      S3_KMS_KEY_ID: this.props.bucketKey.keyArn,
      ...this.props.aiEnvironment,
    };
  }

  private appSecrets(): Record<string, ecs.Secret> {
    return {
      DATABASE_URL: ecs.Secret.fromSecretsManager(this.props.databaseSecret, 'appUrl'),
      REDIS_URL: ecs.Secret.fromSecretsManager(this.props.cacheSecret, 'url'),
      AUTH_JWT_PRIVATE_KEY: ecs.Secret.fromSecretsManager(this.authKey),
      ...this.props.aiSecrets,
    };
  }

  /**
   * The owner's login reaches only this container. The configuration checks in cluster mode also
   * want the signing key and the bucket, so the migration container gets them too.
   */
  private migrationContainer(essential: boolean): ecs.ContainerDefinitionOptions {
    return {
      image: ecs.ContainerImage.fromEcrRepository(this.props.repositories.web, this.props.imageTag),
      command: migrateCommand,
      essential,
      environment: {
        LOG_LEVEL: 'info',
        LOG_SERVICE_NAME: 'healthcare-migrate',
        S3_BUCKET: this.props.bucket.bucketName,
        S3_REGION: Aws.REGION,
      },
      secrets: {
        DATABASE_URL: ecs.Secret.fromSecretsManager(this.props.databaseSecret, 'appUrl'),
        DATABASE_MIGRATION_URL: ecs.Secret.fromSecretsManager(this.props.databaseSecret, 'ownerUrl'),
        DATABASE_APP_PASSWORD: ecs.Secret.fromSecretsManager(this.props.databaseSecret, 'appPassword'),
        AUTH_JWT_PRIVATE_KEY: ecs.Secret.fromSecretsManager(this.authKey),
      },
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.props.logGroups.migrate, streamPrefix: 'migrate' }),
    };
  }

  /**
   * Every task migrates before its main container starts (an init container): the first deploy
   * then needs no manual step, and replicas that start together serialize on the migration's
   * advisory lock, so each migration still runs once.
   */
  private addMigrationBeforeStart(
    taskDefinition: ecs.FargateTaskDefinition,
    main: ecs.ContainerDefinition,
  ): void {
    const migrate = taskDefinition.addContainer('migrate', this.migrationContainer(false));
    main.addContainerDependencies({
      container: migrate,
      condition: ecs.ContainerDependencyCondition.SUCCESS,
    });
  }
}
