import path from 'node:path';

/**
 * A model file as a label value: its name without folder or extension (`ggml-base.bin` →
 * `ggml-base`). A bounded value, unlike the path, which differs from host to host.
 */
export function modelLabel(file: string): string {
  return path.basename(file).replace(/\.(gguf|bin)$/i, '');
}
