import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { userRoles } from '../users/user-schemas';

const issuer = 'healthcare';
const audience = 'healthcare-api';

const claimsSchema = z.object({
  sub: z.uuid(),
  cid: z.uuid(),
  role: z.enum(userRoles),
});
export type AccessTokenClaims = z.infer<typeof claimsSchema>;

export interface AccessTokens {
  readonly ttlSeconds: number;
  sign(claims: AccessTokenClaims): Promise<string>;
  /** Throws `unauthenticated` for anything but a well-formed, unexpired token signed by one of our keys. */
  verify(token: string): Promise<AccessTokenClaims>;
}

export function createAccessTokens(options: {
  privateKeyPem: string;
  keyId: string;
  ttlSeconds: number;
  /** Keys retired by a rotation: tokens they signed stay valid until they expire, so nobody is logged out. */
  previousPublicKeys?: readonly { kid: string; publicKey: string }[];
}): AccessTokens {
  const privateKey = createPrivateKey(options.privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('The access token signing key must be an Ed25519 key.');
  }
  const verificationKeys = new Map<string, KeyObject>();
  for (const previous of options.previousPublicKeys ?? []) {
    verificationKeys.set(previous.kid, createPublicKey(previous.publicKey));
  }
  // Set last: a stale entry listing the current kid must not shadow the current key.
  verificationKeys.set(options.keyId, createPublicKey(privateKey));

  const verified = createVerifiedTokenCache();

  return {
    ttlSeconds: options.ttlSeconds,
    sign: (claims) =>
      new SignJWT({ cid: claims.cid, role: claims.role })
        .setProtectedHeader({ alg: 'EdDSA', kid: options.keyId, typ: 'at+jwt' })
        .setSubject(claims.sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${options.ttlSeconds}s`)
        .sign(privateKey),
    async verify(token) {
      const known = verified.get(token);
      if (known) return known;
      try {
        const { payload } = await jwtVerify(
          token,
          (header) => {
            const key = header.kid === undefined ? undefined : verificationKeys.get(header.kid);
            if (!key) throw new errors.JWKSNoMatchingKey();
            return key;
          },
          // Pinning the algorithm is what defeats `alg: none` and algorithm-confusion tokens.
          { algorithms: ['EdDSA'], issuer, audience, typ: 'at+jwt' },
        );
        const claims = claimsSchema.parse(payload);
        // jwtVerify has refused any token without a numeric `exp` (setExpirationTime always sets one).
        if (typeof payload.exp === 'number') verified.set(token, claims, payload.exp * 1000);
        return claims;
      } catch {
        throw new AppError(
          'unauthenticated',
          'Your session is not valid or has expired. Please sign in again.',
        );
      }
    },
  };
}

// About 10 000 tokens of ~400 bytes: a few MiB at most, more than the sessions one replica serves at once.
const maxCachedTokens = 10_000;

/**
 * Tokens that already passed verification, with their claims, until they expire. The token is
 * the key, byte for byte, so only one we signed and checked can ever hit; nothing is trusted that
 * the full check would refuse, since a token cannot be revoked before it expires anyway. Saves
 * an Ed25519 signature check on every API request a client makes with the same token.
 */
function createVerifiedTokenCache() {
  const entries = new Map<string, { claims: AccessTokenClaims; expiresAtMs: number }>();
  return {
    get(token: string): AccessTokenClaims | undefined {
      const entry = entries.get(token);
      if (!entry) return undefined;
      if (Date.now() < entry.expiresAtMs) return entry.claims;
      entries.delete(token);
      return undefined;
    },
    set(token: string, claims: AccessTokenClaims, expiresAtMs: number) {
      // Oldest first out (a Map iterates in insertion order): enough to bound memory.
      if (entries.size >= maxCachedTokens) entries.delete(entries.keys().next().value!);
      entries.set(token, { claims, expiresAtMs });
    },
  };
}
