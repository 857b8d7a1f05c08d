import { generateKeyPairSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config';
import { ensurePrivateDirectory } from '../config/ensure-private-directory';
import type { Logger } from '../logging/create-logger';

/**
 * The configured key, or in the embedded mode one generated on first start and kept in the
 * data directory, so sessions survive restarts. Config refuses to start a cluster without a key.
 */
export async function loadSigningKey(
  config: Config,
  logger: Logger,
): Promise<{ privateKeyPem: string; keyId: string }> {
  if (config.auth.signingKey) return config.auth.signingKey;
  const keyFile = path.join(config.dataDir, 'secrets', 'jwt-signing-key.pem');
  try {
    return { privateKeyPem: await readFile(keyFile, 'utf8'), keyId: config.auth.keyId };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await ensurePrivateDirectory(path.dirname(keyFile));
  // 'wx' refuses to overwrite: two processes racing on first start keep the first key.
  await writeFile(keyFile, privateKeyPem, { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  logger.warn(
    { keyFile },
    'Generated an access-token signing key and stored it in the data directory. Set AUTH_JWT_PRIVATE_KEY to manage it yourself.',
  );
  return { privateKeyPem: await readFile(keyFile, 'utf8'), keyId: config.auth.keyId };
}
