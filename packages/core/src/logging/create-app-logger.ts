import pino from 'pino';
import type { Config } from '../config/config';
import { createLogger, type Logger } from './create-logger';
import { startLogShipping, type LogShipping } from './start-log-shipping';

/**
 * The process's logger as configured: JSON on stdout (or `destination`), and with
 * LOG_DESTINATION=datadog or cloudwatch the same lines shipped there from a worker thread.
 */
export function createAppLogger(
  config: Config,
  options: { name?: string; destination?: pino.DestinationStream } = {},
): { logger: Logger; shipping: LogShipping | undefined } {
  const local = options.destination ?? pino.destination(1);
  const shipping =
    config.log.shipping.destination === 'stdout' ? undefined : startLogShipping(config.log.shipping);
  const destination = shipping
    ? {
        write(line: string) {
          local.write(line);
          shipping.stream.write(line);
        },
      }
    : local;
  return {
    logger: createLogger({
      level: config.log.level,
      destination,
      ...(options.name ? { name: options.name } : {}),
    }),
    shipping,
  };
}
