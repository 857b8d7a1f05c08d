/**
 * The fields a log line may carry. Anything else is replaced by "[redacted]": a field added
 * without review can leak patient data, so the list names what is safe instead of what is not.
 * Values here are ids, counts, enums, durations and code-written text.
 */
const allowedFields = new Set([
  'requestId',
  'traceId',
  'spanId',
  'jobId',
  'queue',
  'attempt',
  'method',
  'route',
  'status',
  'durationMs',
  'err',
  'component',
  'signal',
  'port',
  'pid',
  'url',
  'metricsUrl',
  'dataDir',
  'keyFile',
  'workers',
  'clinicId',
  'encounterId',
  'model',
  'provider',
  'inputTokens',
  'outputTokens',
  'receivedMiB',
  'totalMiB',
  'percent',
  'resumed',
  'responseFormat',
  'audioSeconds',
  'segments',
  'destination',
  'dropped',
  'shipped',
  'maxConcurrency',
  'maxQueue',
  'maxAudioSeconds',
  'maxUploadBytes',
  'purgedEncounters',
]);

/** Inside `err`: class, codes and stack frames. Messages only where code wrote them (see below). */
const allowedErrorFields = new Set(['type', 'code', 'constraint', 'message', 'frames', 'cause', 'status']);

export const redactedValue = '[redacted]';

export function redactLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (!allowedFields.has(key)) kept[key] = redactedValue;
    else if (key === 'err') kept[key] = describeError(value, 0);
    else kept[key] = isScalar(value) ? value : redactedValue;
  }
  return kept;
}

function describeError(value: unknown, depth: number): unknown {
  if (depth > 3) return redactedValue;
  if (value instanceof Error) {
    // A raw error's message may quote the failed query's parameters (database errors), so only
    // system errors (ECONNREFUSED and the like) keep theirs.
    const fields = value as Error & { code?: unknown; syscall?: unknown };
    return {
      type: value.name,
      ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
      ...(typeof fields.syscall === 'string' ? { message: value.message } : {}),
      frames: value.stack
        ?.split('\n')
        .filter((line) => line.trimStart().startsWith('at '))
        .slice(0, 12),
      ...(value.cause !== undefined ? { cause: describeError(value.cause, depth + 1) } : {}),
    };
  }
  if (typeof value !== 'object' || value === null) return isScalar(value) ? value : redactedValue;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    if (!allowedErrorFields.has(key)) kept[key] = redactedValue;
    else if (key === 'cause') kept[key] = describeError(inner, depth + 1);
    else if (key === 'frames' && Array.isArray(inner)) kept[key] = inner.filter((f) => typeof f === 'string');
    else kept[key] = isScalar(inner) ? inner : redactedValue;
  }
  return kept;
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
