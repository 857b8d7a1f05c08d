import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface ExternalAiProps {
  sttProvider: 'openai' | 'deepgram';
  llmProvider: 'openai' | 'anthropic';
}

/**
 * Hosted speech-to-text and language model APIs: no GPU to run, paid per minute and per token.
 * The keys live in Secrets Manager and reach the tasks as ECS secrets, never as plain variables.
 * They are created with a random placeholder; the operator puts the real key in after the first deploy.
 */
export class ExternalAi extends Construct {
  readonly apiKeys: Partial<Record<'openai' | 'anthropic' | 'deepgram', secretsmanager.Secret>> = {};
  readonly environment: Record<string, string>;
  readonly secrets: Record<string, ecs.Secret>;

  constructor(scope: Construct, id: string, props: ExternalAiProps) {
    super(scope, id);
    const apiKey = (provider: 'openai' | 'anthropic' | 'deepgram') =>
      (this.apiKeys[provider] ??= new secretsmanager.Secret(this, `${provider}ApiKey`, {
        secretName: `healthcare/ai/${provider}-api-key`,
        description: `${provider} API key (replace the placeholder with aws secretsmanager put-secret-value)`,
        generateSecretString: { excludePunctuation: true, passwordLength: 32 },
      }));
    this.environment = { STT_PROVIDER: props.sttProvider, LLM_PROVIDER: props.llmProvider };
    this.secrets = {
      STT_API_KEY: ecs.Secret.fromSecretsManager(apiKey(props.sttProvider)),
      LLM_API_KEY: ecs.Secret.fromSecretsManager(apiKey(props.llmProvider)),
    };
  }
}
