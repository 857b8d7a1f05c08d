import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, signUpClinic } from '../../../testing/api-client';
import { startTestApp, type TestApp } from '../../../testing/start-test-app';

// Two deployments of the same product on one database: before and after a signing-key rotation.
let before: TestApp;
let after: TestApp;
const newKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

beforeAll(async () => {
  before = await startTestApp();
  const oldPublicKey = createPublicKey(createPrivateKey(before.app.config.auth.signingKey!.privateKeyPem))
    .export({ type: 'spki', format: 'pem' })
    .toString();
  after = await startTestApp({
    AUTH_JWT_PRIVATE_KEY: newKey,
    AUTH_JWT_KEY_ID: '2026-12',
    AUTH_JWT_PREVIOUS_PUBLIC_KEYS: JSON.stringify([{ kid: 'main', publicKey: oldPublicKey }]),
  });
});
afterAll(async () => {
  await before?.close();
  await after?.close();
});

describe('signing-key rotation', () => {
  it('should keep sessions issued with the retired key working while new tokens use the new key', async () => {
    const beforeApi = apiClient(() => before.baseUrl);
    const afterApi = apiClient(() => after.baseUrl);
    const { session } = await signUpClinic(beforeApi);
    expect(decodeProtectedHeader(session.accessToken).kid).toBe('main');

    expect((await afterApi.get('/api/v1/me', session.accessToken)).status).toBe(200);
    const refreshed = await afterApi.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(decodeProtectedHeader(refreshed.body.accessToken).kid).toBe('2026-12');
    expect((await afterApi.get('/api/v1/me', refreshed.body.accessToken)).status).toBe(200);
    // The old deployment never learned the new key: its tokens are not accepted there.
    expect((await beforeApi.get('/api/v1/me', refreshed.body.accessToken)).status).toBe(401);
  });
});
