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
        return claimsSchema.parse(payload);
      } catch {
        throw new AppError(
          'unauthenticated',
          'Your session is not valid or has expired. Please sign in again.',
        );
      }
    },
  };
}
