import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ExternalAi } from './external-ai';
import { llmPort, SelfHostedAi, sttPort } from './self-hosted-ai';
import type { StackSettings } from './stack-settings';

export interface AiProps {
  settings: Pick<
    StackSettings,
    'aiMode' | 'gpuSpot' | 'imageTag' | 'llmModel' | 'externalSttProvider' | 'externalLlmProvider'
  >;
  vpc: ec2.IVpc;
  cluster: ecs.Cluster;
  sttRepository: ecr.IRepository;
  logGroups: { stt: logs.ILogGroup; llm: logs.ILogGroup };
}

/**
 * The AI layer as the seed frames it, a choice per deployment: our own GPU capacity (patient audio
 * stays in the VPC, a fixed monthly cost) or external APIs (no GPUs, a cost per consultation).
 * Either way the app gets the same variables its config reads (STT_*, LLM_*).
 */
export class Ai extends Construct {
  readonly selfHosted: SelfHostedAi | undefined;
  readonly external: ExternalAi | undefined;
  readonly environment: Record<string, string>;
  readonly secrets: Record<string, ecs.Secret>;

  constructor(scope: Construct, id: string, props: AiProps) {
    super(scope, id);
    const { settings } = props;
    if (settings.aiMode === 'self-hosted') {
      this.selfHosted = new SelfHostedAi(this, 'SelfHosted', {
        vpc: props.vpc,
        cluster: props.cluster,
        sttRepository: props.sttRepository,
        imageTag: settings.imageTag,
        logGroups: props.logGroups,
        llmModel: settings.llmModel,
        spot: settings.gpuSpot,
      });
      const host = this.selfHosted.loadBalancer.loadBalancerDnsName;
      // Both servers speak OpenAI's wire format: the app's `openai` providers with a base URL.
      this.environment = {
        STT_PROVIDER: 'openai',
        STT_BASE_URL: `http://${host}:${sttPort}/v1`,
        LLM_PROVIDER: 'openai',
        LLM_BASE_URL: `http://${host}:${llmPort}/v1`,
        LLM_MODEL: settings.llmModel,
      };
      this.secrets = {};
    } else {
      this.external = new ExternalAi(this, 'External', {
        sttProvider: settings.externalSttProvider,
        llmProvider: settings.externalLlmProvider,
      });
      this.environment = this.external.environment;
      this.secrets = this.external.secrets;
    }
  }

  /** Only these peers may reach self-hosted AI; external APIs are reached through the NAT. */
  allowFrom(peer: ec2.IConnectable): void {
    this.selfHosted?.allowFrom(peer);
  }
}
