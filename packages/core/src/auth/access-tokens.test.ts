import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccessTokens } from './access-tokens';

const privateKeyPem = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const claims = { sub: randomUUID(), cid: randomUUID(), role: 'clinician' as const };

afterEach(() => {
  vi.useRealTimers();
});

describe('access tokens', () => {
  it('should verify a token again after it expired, and refuse it, though it was verified before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const tokens = createAccessTokens({ privateKeyPem, keyId: 'k1', ttlSeconds: 60 });
    const token = await tokens.sign(claims);
    expect(await tokens.verify(token)).toEqual(claims);
    expect(await tokens.verify(token)).toEqual(claims);

    vi.setSystemTime(Date.now() + 61_000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('should refuse an altered copy of a token it has already verified', async () => {
    const tokens = createAccessTokens({ privateKeyPem, keyId: 'k1', ttlSeconds: 60 });
    const token = await tokens.sign(claims);
    await tokens.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    forged.role = 'admin';
    const altered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    await expect(tokens.verify(altered)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('should not accept a token signed by another key because the same claims were verified before', async () => {
    const tokens = createAccessTokens({ privateKeyPem, keyId: 'k1', ttlSeconds: 60 });
    await tokens.verify(await tokens.sign(claims));
    const otherKey = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const impostor = createAccessTokens({ privateKeyPem: otherKey, keyId: 'k1', ttlSeconds: 60 });
    await expect(tokens.verify(await impostor.sign(claims))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });
});
