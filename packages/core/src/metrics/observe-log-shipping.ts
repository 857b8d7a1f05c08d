import { Counter } from 'prom-client';
import type { LogShipping } from '../logging/start-log-shipping';
import type { AppMetrics } from './app-metrics';

/** Lines sent and dropped by the shipping thread, read from its last report at scrape time. */
export function observeLogShipping(shipping: LogShipping, metrics: AppMetrics): void {
  const registers = [metrics.registry];
  const destination = shipping.destination;
  new Counter({
    name: 'log_shipping_sent_total',
    help: 'Log lines accepted by the log destination.',
    labelNames: ['destination'],
    registers,
    collect() {
      this.reset();
      this.inc({ destination }, shipping.stats().sent);
    },
  });
  new Counter({
    name: 'log_shipping_dropped_total',
    help: 'Log lines dropped: buffer full while the destination was slow or down, rejected after retries, or too large.',
    labelNames: ['destination', 'reason'],
    registers,
    collect() {
      this.reset();
      for (const [reason, count] of Object.entries(shipping.stats().dropped))
        this.inc({ destination, reason }, count);
    },
  });
}
