import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../../../testing/api-client';
import { clinicWithPatient, createEncounter, putBytes } from '../../../testing/clinic-fixtures';
import { openEventStream } from '../../../testing/read-event-stream';
import { startTestApp, type TestApp } from '../../../testing/start-test-app';

const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 20_000, interval: 100 });

describe('live events across two replicas sharing Redis', () => {
  const replicas: TestApp[] = [];
  let scratch: string;
  let chunk: Buffer;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-events-replicas-'));
    chunk = await readFile(await generateTone(scratch, 'chunk.webm', ['-c:a', 'libopus'], 1));
    // Replicas share the signing key and the database, as in a real deployment. Their streams
    // read the database by themselves only once an hour here: an event that arrives was woken
    // by the bus. Encounter ids are unique, so the shared Redis's one channel is safe to share.
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    for (let replica = 0; replica < 2; replica += 1) {
      replicas.push(
        await startTestApp({
          REDIS_URL: 'redis://127.0.0.1:6379',
          AUTH_JWT_PRIVATE_KEY: key,
          EVENT_STREAM_POLL_SECONDS: '3600',
          RUN_WORKER: 'false',
        }),
      );
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await rm(scratch, { recursive: true, force: true });
  });

  it('should deliver on one replica’s stream a change made through the other, through Redis', async () => {
    const [first, second] = replicas as [TestApp, TestApp];
    const [firstApi, secondApi] = [apiClient(first.baseUrl), apiClient(second.baseUrl)];
    // Each replica subscribes to Redis as it starts, asynchronously: wait until the first one hears the second.
    const probe = randomUUID();
    const probed = vi.fn();
    const stopProbe = first.app.events.subscribe(probe, probed);
    await waitFor(async () => {
      await second.app.events.publish(probe);
      expect(probed).toHaveBeenCalled();
    });
    stopProbe();

    const { token, patientId } = await clinicWithPatient(firstApi);
    const encounterId = await createEncounter(firstApi, token, patientId);
    expect(
      (await putBytes(first.baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, chunk))
        .status,
    ).toBe(202);
    const stream = await openEventStream(`${first.baseUrl}/api/v1/encounters/${encounterId}/events`, token);
    expect(stream.status).toBe(200);
    // What happened before the stream opened comes from its first read of the database.
    await waitFor(async () =>
      expect(stream.events).toContainEqual(
        expect.objectContaining({ type: 'status', data: expect.objectContaining({ status: 'recording' }) }),
      ),
    );
    const before = stream.events.length;
    // This replica's own bus hears about the encounter only from the other replica, through Redis.
    const wokenHere = vi.fn();
    const stopListening = first.app.events.subscribe(encounterId, wokenHere);

    const completed = await secondApi.post(
      `/api/v1/encounters/${encounterId}/audio/complete`,
      { chunkCount: 1 },
      token,
    );
    expect(completed.status).toBe(202);
    await waitFor(async () =>
      expect(stream.events.slice(before)).toContainEqual(
        expect.objectContaining({
          type: 'status',
          data: expect.objectContaining({ status: 'transcribing' }),
        }),
      ),
    );
    expect(wokenHere).toHaveBeenCalled();
    stopListening();
    await stream.close();
  });
});
