import { Duration } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface SelfHostedAiProps {
  vpc: ec2.IVpc;
  cluster: ecs.Cluster;
  sttRepository: ecr.IRepository;
  imageTag: string;
  logGroups: { stt: logs.ILogGroup; llm: logs.ILogGroup };
  /** An Ollama model name, pulled before the server takes traffic. */
  llmModel: string;
  spot: boolean;
}

export const sttPort = 9000;
export const llmPort = 11434;
// Pinned: an Ollama upgrade changes model output and is released like our own images.
const ollamaImage = 'ollama/ollama:0.6.8';
// whisper.cpp on a T4 runs large-v3-turbo well above real time; the CPU default (base) is for laptops.
const sttModelUrl = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-large-v3-turbo.bin';

/**
 * Speech-to-text (our apps/stt with whisper.cpp on CUDA) and the language model (Ollama) on GPU
 * hosts in private subnets, behind an internal load balancer that admits only the app's tasks.
 * Audio and transcripts never leave the VPC.
 */
export class SelfHostedAi extends Construct {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly autoScalingGroup: autoscaling.AutoScalingGroup;
  private readonly cluster: ecs.Cluster;

  constructor(scope: Construct, id: string, props: SelfHostedAiProps) {
    super(scope, id);
    this.cluster = props.cluster;
    const hostSecurityGroup = new ec2.SecurityGroup(this, 'HostSecurityGroup', {
      vpc: props.vpc,
      description: 'GPU hosts: no inbound; tasks have their own interfaces',
    });
    const launchTemplate = new ec2.LaunchTemplate(this, 'GpuLaunchTemplate', {
      // One NVIDIA T4 (16 GB): a 7-8B model at 4 bits, or Whisper large-v3-turbo, with room to spare.
      instanceType: new ec2.InstanceType('g4dn.xlarge'),
      machineImage: ecs.EcsOptimizedImage.amazonLinux2023(ecs.AmiHardwareType.GPU),
      userData: ec2.UserData.forLinux(),
      role: new iam.Role(this, 'HostRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') }),
      securityGroup: hostSecurityGroup,
      requireImdsv2: true,
      blockDevices: [
        {
          deviceName: '/dev/xvda',
          // The GPU AMI, two images with CUDA and the downloaded models.
          volume: ec2.BlockDeviceVolume.ebs(150, {
            encrypted: true,
            volumeType: ec2.EbsDeviceVolumeType.GP3,
          }),
        },
      ],
    });
    this.autoScalingGroup = new autoscaling.AutoScalingGroup(this, 'GpuHosts', {
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      // ECS gives a container whole GPUs: one host for speech, one for the language model.
      minCapacity: 2,
      maxCapacity: 4,
      mixedInstancesPolicy: {
        launchTemplate,
        launchTemplateOverrides: [{ instanceType: new ec2.InstanceType('g4dn.xlarge') }],
        instancesDistribution: {
          onDemandBaseCapacity: 0,
          onDemandPercentageAboveBaseCapacity: props.spot ? 0 : 100,
          spotAllocationStrategy: autoscaling.SpotAllocationStrategy.CAPACITY_OPTIMIZED,
        },
      },
    });
    const capacityProvider = new ecs.AsgCapacityProvider(this, 'GpuCapacity', {
      autoScalingGroup: this.autoScalingGroup,
      enableManagedTerminationProtection: false,
      // A Spot interruption drains the host: ECS starts replacements before the two minutes end.
      enableManagedDraining: true,
    });
    props.cluster.addAsgCapacityProvider(capacityProvider);

    const loadBalancerSecurityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc: props.vpc,
      description: 'Internal AI load balancer: only the app tasks may connect',
      allowAllOutbound: false,
    });
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'InternalLoadBalancer', {
      vpc: props.vpc,
      internetFacing: false,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroup: loadBalancerSecurityGroup,
      // A long note takes minutes to write (LLM_TIMEOUT_SECONDS defaults to 180).
      idleTimeout: Duration.minutes(5),
      dropInvalidHeaderFields: true,
    });

    const sttContainerEnvironment = {
      HOST: '0.0.0.0',
      // The CUDA build on a GPU host: whisper.cpp offloads to the GPU.
      STT_GPU: 'true',
      PORT: String(sttPort),
      METRICS_PORT: '9464',
      STT_MODEL_URL: sttModelUrl,
      STT_MODEL_DIR: '/models',
    };
    this.gpuService('Stt', {
      port: sttPort,
      // The CUDA build of the stt image, which the release tags <version>-cuda.
      image: ecs.ContainerImage.fromEcrRepository(props.sttRepository, `${props.imageTag}-cuda`),
      environment: sttContainerEnvironment,
      logGroup: props.logGroups.stt,
      healthCheckPath: '/readyz',
      capacityProvider,
      loadBalancerSecurityGroup,
    });
    this.gpuService('Llm', {
      port: llmPort,
      image: ecs.ContainerImage.fromRegistry(ollamaImage),
      // The model is pulled on a loopback-only server first, so the load balancer sees the port
      // open only once the model is on disk; the host volume keeps it across restarts.
      // The image's entry point is the ollama binary; a shell runs the pull-then-serve sequence instead.
      entryPoint: ['/bin/sh', '-c'],
      command: [
        [
          'OLLAMA_HOST=127.0.0.1:11435 ollama serve & pid=$!',
          'until OLLAMA_HOST=127.0.0.1:11435 ollama list >/dev/null 2>&1; do sleep 1; done',
          'OLLAMA_HOST=127.0.0.1:11435 ollama pull "$OLLAMA_PULL_MODEL" || exit 1',
          'kill $pid; wait $pid',
          'exec ollama serve',
        ].join('; '),
      ],
      environment: {
        OLLAMA_HOST: `0.0.0.0:${llmPort}`,
        OLLAMA_MODELS: '/models',
        OLLAMA_PULL_MODEL: props.llmModel,
        // Keep the model in GPU memory between notes instead of reloading it after 5 idle minutes.
        OLLAMA_KEEP_ALIVE: '-1',
      },
      logGroup: props.logGroups.llm,
      healthCheckPath: '/',
      capacityProvider,
      loadBalancerSecurityGroup,
    });
  }

  /** The app's tasks, and nothing else, may call the AI services. */
  allowFrom(peer: ec2.IConnectable): void {
    for (const port of [sttPort, llmPort]) {
      this.loadBalancer.connections.allowFrom(peer, ec2.Port.tcp(port), 'app tasks to the AI services');
    }
  }

  private gpuService(
    id: string,
    options: {
      port: number;
      image: ecs.ContainerImage;
      command?: string[];
      entryPoint?: string[];
      environment: Record<string, string>;
      logGroup: logs.ILogGroup;
      healthCheckPath: string;
      capacityProvider: ecs.AsgCapacityProvider;
      loadBalancerSecurityGroup: ec2.ISecurityGroup;
    },
  ): ecs.Ec2Service {
    const taskDefinition = new ecs.Ec2TaskDefinition(this, `${id}Task`, {
      networkMode: ecs.NetworkMode.AWS_VPC,
      volumes: [{ name: 'models', host: { sourcePath: `/var/lib/healthcare/${id.toLowerCase()}-models` } }],
    });
    const container = taskDefinition.addContainer(id, {
      image: options.image,
      ...(options.command ? { command: options.command } : {}),
      ...(options.entryPoint ? { entryPoint: options.entryPoint } : {}),
      environment: options.environment,
      gpuCount: 1,
      // g4dn.xlarge: 4 vCPUs and 16 GiB, less what the ECS agent and the OS keep.
      cpu: 3584,
      memoryReservationMiB: 12 * 1024,
      memoryLimitMiB: 14 * 1024,
      portMappings: [{ containerPort: options.port }],
      logging: ecs.LogDrivers.awsLogs({ logGroup: options.logGroup, streamPrefix: id.toLowerCase() }),
      stopTimeout: Duration.minutes(2),
    });
    container.addMountPoints({ sourceVolume: 'models', containerPath: '/models', readOnly: false });

    const service = new ecs.Ec2Service(this, `${id}Service`, {
      cluster: this.cluster,
      taskDefinition,
      desiredCount: 1,
      // The capacity provider adds a GPU host for the new task, so one always serves during a deploy.
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      capacityProviderStrategies: [
        { capacityProvider: options.capacityProvider.capacityProviderName, weight: 1 },
      ],
      // A model download takes minutes before the first health check can pass.
      healthCheckGracePeriod: Duration.minutes(20),
      circuitBreaker: { rollback: true },
    });
    service.connections.allowFrom(options.loadBalancerSecurityGroup, ec2.Port.tcp(options.port));

    const listener = this.loadBalancer.addListener(`${id}Listener`, {
      port: options.port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
    });
    listener.addTargets(`${id}Targets`, {
      port: options.port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [service],
      healthCheck: { path: options.healthCheckPath, healthyHttpCodes: '200', interval: Duration.seconds(15) },
      deregistrationDelay: Duration.seconds(60),
    });
    return service;
  }
}
