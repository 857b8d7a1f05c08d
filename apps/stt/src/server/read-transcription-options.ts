import { z } from 'zod';
import { type ResponseFormat, responseFormats } from './format-transcription';
import { OpenAiError } from './openai-error';
import { whisperLanguages } from './whisper-languages';

export interface TranscriptionOptions {
  responseFormat: ResponseFormat;
  /** ISO 639-1 (or whisper.cpp's three-letter) code; absent: detected from the audio. */
  language: string | undefined;
  prompt: string | undefined;
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

// One engine serves every request: `model` is accepted so OpenAI clients work, and otherwise ignored.
const formSchema = z.object({
  model: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  response_format: z.preprocess(
    blankToUndefined,
    z.enum(responseFormats, { error: `must be one of ${responseFormats.join(', ')}` }).default('json'),
  ),
  language: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z
      .string()
      // "pt-BR" is accepted for "pt": the region does not change Whisper's decoding.
      .transform((code) => code.split(/[-_]/)[0]!)
      .refine((code) => code in whisperLanguages, 'must be an ISO 639-1 code of a language Whisper knows')
      .optional(),
  ),
  prompt: z.string().optional(),
  // Accepted for compatibility; whisper.cpp here decodes greedily from 0 with its own fallback.
  temperature: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'must be a number' }).min(0).max(1).optional(),
  ),
  'timestamp_granularities[]': z
    .array(z.enum(['segment', 'word'], { error: 'must be "segment"' }))
    .refine((values) => !values.includes('word'), {
      error: 'word timestamps are not supported by this server; ask for "segment"',
    })
    .optional(),
});

/** The request's fields checked as OpenAI's API defines them; the first problem becomes a 400. */
export function readTranscriptionOptions(fields: Map<string, string[]>): TranscriptionOptions {
  const single = Object.fromEntries([...fields].map(([name, values]) => [name, values[0]]));
  const granularities = fields.get('timestamp_granularities[]') ?? fields.get('timestamp_granularities');
  const parsed = formSchema.safeParse({ ...single, 'timestamp_granularities[]': granularities });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = String(issue.path[0]);
    throw new OpenAiError(400, `Invalid value for '${param}': ${issue.message}.`, {
      code: 'invalid_value',
      param,
    });
  }
  return {
    responseFormat: parsed.data.response_format,
    language: parsed.data.language,
    prompt: parsed.data.prompt?.trim() || undefined,
  };
}
