import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLlamaModel } from './write-llama-model';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-gguf-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

const digest = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('writeLlamaModel', () => {
  it('should write a GGUF v3 llama model that llama.cpp’s reader accepts', async () => {
    const file = path.join(scratch, 'tiny.gguf');
    await writeLlamaModel(file, { shape: 'tiny' });
    const info = await readGgufFileInfo(file);
    expect(info.version).toBe(3);
    expect(info.metadata.general.architecture).toBe('llama');
    expect(info.metadata.tokenizer.ggml.tokens).toContain('<0xFF>');
    expect(info.tensorInfo?.map((tensor) => tensor.name)).toContain('output.weight');
  });

  it('should write the same file for the same seed, and another for another seed', async () => {
    const [first, again, other] = ['a', 'b', 'c'].map((name) => path.join(scratch, `${name}.gguf`));
    await writeLlamaModel(first!, { shape: 'tiny', seed: 3 });
    await writeLlamaModel(again!, { shape: 'tiny', seed: 3 });
    await writeLlamaModel(other!, { shape: 'tiny', seed: 4 });
    expect(await digest(again!)).toBe(await digest(first!));
    expect(await digest(other!)).not.toBe(await digest(first!));
  });
});
