import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm.Argon2id; the enum is `const` and cannot be imported as a value under verbatimModuleSyntax.
const argon2id = 2 as Algorithm;

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): about 60 ms here, slow for guessing, fine for login.
const argon2idOptions = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2idOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against this when the email is unknown makes both failures take the same time,
 * so response timing does not reveal which emails have accounts.
 */
export const decoyPasswordHash = hashPassword('decoy password that never matches anything');
