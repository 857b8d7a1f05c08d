import { hkdfSync } from 'node:crypto';

/**
 * A secret for one purpose, derived from the signing key (HKDF-SHA256), so operators manage one
 * key rather than several, and a secret leaked from one use says nothing about the others.
 */
export function deriveSecret(rootKeyMaterial: string, purpose: string): string {
  return Buffer.from(hkdfSync('sha256', rootKeyMaterial, 'healthcare', purpose, 32)).toString('base64url');
}
