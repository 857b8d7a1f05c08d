import { describe, expect, it } from 'vitest';
import { createConcurrencyGate, GateClosedError } from './concurrency-gate';

/** A task the test finishes by hand, which records when it started. */
function manualTask(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      log.push(`start ${name}`);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createConcurrencyGate', () => {
  it('should admit as many requests as run plus wait, and refuse the next', () => {
    const gate = createConcurrencyGate({ maxConcurrent: 1, maxQueued: 2 });
    const tickets = [gate.admit(), gate.admit(), gate.admit()];
    expect(tickets.every(Boolean)).toBe(true);
    expect(gate.admit()).toBeUndefined();
    expect(gate.waiting).toBe(3);
    tickets[0]!.leave();
    tickets[0]!.leave();
    expect(gate.waiting).toBe(2);
    expect(gate.admit()).toBeDefined();
  });

  it('should run at most maxConcurrent tasks, the others in arrival order', async () => {
    const gate = createConcurrencyGate({ maxConcurrent: 1, maxQueued: 2 });
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => manualTask(log, name));
    const results = [a, b, c].map((task) => gate.admit()!.run(task!.run));
    await settle();
    expect(log).toEqual(['start a']);
    expect({ running: gate.running, waiting: gate.waiting }).toEqual({ running: 1, waiting: 2 });
    a!.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    b!.finish();
    c!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect({ running: gate.running, waiting: gate.waiting }).toEqual({ running: 0, waiting: 0 });
  });

  it('should free the slot when a task fails', async () => {
    const gate = createConcurrencyGate({ maxConcurrent: 1, maxQueued: 0 });
    await expect(gate.admit()!.run(() => Promise.reject(new Error('engine failed')))).rejects.toThrow(
      'engine failed',
    );
    expect(await gate.admit()!.run(async () => 'next')).toBe('next');
  });

  it('should drop a request from the line when its client goes away, and give its place to another', async () => {
    const gate = createConcurrencyGate({ maxConcurrent: 1, maxQueued: 1 });
    const log: string[] = [];
    const first = manualTask(log, 'first');
    const running = gate.admit()!.run(first.run);
    const client = new AbortController();
    const waiting = gate.admit()!.run(async () => 'never', client.signal);
    expect(gate.admit()).toBeUndefined();

    client.abort(new Error('client disconnected'));
    await expect(waiting).rejects.toThrow('client disconnected');
    expect(gate.waiting).toBe(0);
    const next = gate.admit()!.run(async () => 'next');
    first.finish();
    expect(await Promise.all([running, next])).toEqual(['first', 'next']);
  });

  it('should turn away the waiting and let the running finish when closed', async () => {
    const gate = createConcurrencyGate({ maxConcurrent: 1, maxQueued: 2 });
    const log: string[] = [];
    const first = manualTask(log, 'first');
    const running = gate.admit()!.run(first.run);
    const waiting = gate.admit()!.run(async () => 'never');
    const notStarted = gate.admit()!;
    gate.close();
    await expect(waiting).rejects.toBeInstanceOf(GateClosedError);
    await expect(notStarted.run(async () => 'never')).rejects.toBeInstanceOf(GateClosedError);
    expect(gate.admit()).toBeUndefined();
    first.finish();
    expect(await running).toBe('first');
    expect(log).toEqual(['start first']);
  });
});
