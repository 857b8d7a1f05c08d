import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. Code logs ids and counts, never patient data; the redaction below is the
 * safety net for credentials that could reach a log through an error object.
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
      redact: {
        paths: [
          'password',
          '*.password',
          'accessToken',
          '*.accessToken',
          'refreshToken',
          '*.refreshToken',
          'headers.authorization',
          'headers.cookie',
          '*.headers.authorization',
          '*.headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination(1),
  );
}
