import { open } from 'node:fs/promises';

/**
 * Whether the file starts like a GGUF model (magic, version 2 or 3, plausible counts). llama.cpp
 * reads a file with the magic but a garbled header as if it were valid and never returns, which
 * would block every later completion; anything else wrong it reports as an error.
 */
export async function isGgufFile(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const header = Buffer.alloc(24);
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    if (bytesRead < header.length || header.toString('latin1', 0, 4) !== 'GGUF') return false;
    const version = header.readUInt32LE(4);
    const tensors = header.readBigUInt64LE(8);
    const entries = header.readBigUInt64LE(16);
    return (version === 2 || version === 3) && tensors < 1_000_000n && entries < 1_000_000n;
  } finally {
    await handle.close();
  }
}
