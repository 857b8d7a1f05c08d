import { type Node } from 'constructs';

export type AiMode = 'self-hosted' | 'external';

/** Everything an operator chooses for one deployment, read from CDK context (`-c key=value` or cdk.json). */
export interface StackSettings {
  /** The public name clinicians open; the ACM certificate is issued for it. */
  domainName: string;
  /** An ACM certificate already issued for the domain; absent: one is requested with DNS validation. */
  certificateArn: string | undefined;
  region: string;
  /**
   * Named, not looked up, so that synth needs no credentials. Three, so that the database's
   * standby, the cache's replica and the tasks survive the loss of any one zone.
   */
  availabilityZones: string[];
  aiMode: AiMode;
  /** Spot capacity for the GPU hosts: about a third of the price, at the risk of a two-minute interruption. */
  gpuSpot: boolean;
  /** The tag every image of this release carries (ECR tags are immutable). */
  imageTag: string;
  llmModel: string;
  externalSttProvider: 'openai' | 'deepgram';
  externalLlmProvider: 'openai' | 'anthropic';
  /** Where alarms are e-mailed; absent: they only go to the SNS topic. */
  alarmEmail: string | undefined;
}

/** Reads and checks the context once; every problem is named before anything is built. */
export function readStackSettings(node: Node): StackSettings {
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      problems.push(`${key}: must be a string`);
      return undefined;
    }
    return value.trim();
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = text(key) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${key}: must be one of ${allowed.join(', ')}`);
    return fallback;
  };

  const domainName = text('domainName');
  if (!domainName || !/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(domainName)) {
    problems.push('domainName: required, the public host name, e.g. -c domainName=app.clinic.example');
  }
  const region = text('region') ?? 'us-east-1';
  const availabilityZones = (
    text('availabilityZones') ?? ['a', 'b', 'c'].map((zone) => region + zone).join(',')
  )
    .split(',')
    .map((zone) => zone.trim())
    .filter((zone) => zone !== '');
  if (availabilityZones.length !== 3 || !availabilityZones.every((zone) => zone.startsWith(region))) {
    problems.push(`availabilityZones: three zones of ${region}, comma-separated`);
  }
  const certificateArn = text('certificateArn');
  if (certificateArn && !certificateArn.startsWith('arn:aws:acm:')) {
    problems.push('certificateArn: must be an ACM certificate ARN');
  }
  const settings: StackSettings = {
    domainName: domainName ?? '',
    certificateArn,
    region,
    availabilityZones,
    aiMode: oneOf('aiMode', ['self-hosted', 'external'] as const, 'self-hosted'),
    gpuSpot: oneOf('gpuSpot', ['true', 'false'] as const, 'false') === 'true',
    imageTag: text('imageTag') ?? '',
    llmModel: text('llmModel') ?? 'qwen2.5:7b-instruct',
    externalSttProvider: oneOf('externalSttProvider', ['openai', 'deepgram'] as const, 'deepgram'),
    externalLlmProvider: oneOf('externalLlmProvider', ['openai', 'anthropic'] as const, 'anthropic'),
    alarmEmail: text('alarmEmail'),
  };
  if (!settings.imageTag)
    problems.push('imageTag: required, the release tag pushed to ECR, e.g. -c imageTag=1.4.0');
  if (problems.length > 0) {
    throw new Error(
      `Invalid deployment settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  return settings;
}
