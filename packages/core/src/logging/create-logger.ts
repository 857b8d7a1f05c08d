import pino, { type Logger } from 'pino';
import { currentLogContext } from './log-context';
import { redactLogFields } from './redact-log-fields';

export type { Logger };

/**
 * JSON logs, one object a line. Every line carries the request and trace ids of the request or
 * job it was written in (from the async context), and only allow-listed fields: code logs ids
 * and counts, and a field nobody reviewed is redacted rather than trusted.
 */
export function createLogger(options: {
  level: pino.LevelWithSilent;
  name?: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      name: options.name ?? 'healthcare',
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => ({ ...currentLogContext() }),
      formatters: { log: redactLogFields },
      // The allow-list above already reduced `err` to safe fields; pino's own serializer would re-add the rest.
      serializers: { err: (value: unknown) => value },
    },
    options.destination ?? pino.destination(1),
  );
}
