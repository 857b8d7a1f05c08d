import path from 'node:path';
import { z } from 'zod';
import type { AppContext } from '../boot/app-context';
import { probeProvider } from './check-readiness';

const providerStatusSchema = z
  .object({
    configured: z.boolean(),
    kind: z.string().nullable().describe('openai, deepgram, anthropic or embedded'),
    model: z.string().nullable().describe('The model name, or the file name of an embedded model'),
    reachability: z.enum(['up', 'down', 'in_process', 'not_configured']),
    latencyMs: z.number().nullable(),
  })
  .meta({ id: 'ProviderStatus' });

export const providersSchema = z
  .object({ stt: providerStatusSchema, llm: providerStatusSchema })
  .meta({ id: 'Providers' });
export type Providers = z.infer<typeof providersSchema>;
type ProviderStatus = z.infer<typeof providerStatusSchema>;

type ProviderConfig =
  | { provider: string; model: string; baseUrl: string }
  | { provider: 'embedded'; modelPath: string | undefined; modelUrl: string }
  | undefined;

/**
 * What /readyz checks for speech-to-text and the language model, with the kind and model added.
 * Base URLs and keys are left out: a URL may carry credentials, and the admin screen needs neither.
 */
export async function describeProviders(app: AppContext): Promise<Providers> {
  const [stt, llm] = await Promise.all([describe(app.config.stt), describe(app.config.llm)]);
  return { stt, llm };
}

async function describe(config: ProviderConfig): Promise<ProviderStatus> {
  const reachability = await probeProvider(config);
  return {
    configured: config !== undefined,
    kind: config?.provider ?? null,
    model: config ? modelName(config) : null,
    reachability: reachability.status,
    latencyMs: reachability.status === 'up' ? reachability.latencyMs : null,
  };
}

function modelName(config: NonNullable<ProviderConfig>): string {
  if ('model' in config) return config.model;
  if (config.modelPath) return path.basename(config.modelPath);
  // Only the file name: the download URL's host and query string may hold a token.
  return path.posix.basename(new URL(config.modelUrl).pathname);
}
