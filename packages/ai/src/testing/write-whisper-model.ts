import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { gaussian, toHalves } from './random-weights';

/**
 * Writes a whisper.cpp model in the legacy ggml format with the real architecture of `tiny` or
 * `base` and random weights, so the real engine loads and runs it: no weights can be downloaded
 * here, and none ship in any package. Compute per window and per token match the real model.
 * `endOfTextBias` makes the decoder choose end-of-text at once, so runs stay short.
 * `withoutSpaceToken` writes a model that makes the real engine fail, for error-path tests.
 */
export async function writeWhisperModel(
  path: string,
  options: {
    size: 'tiny' | 'base';
    endOfTextBias?: boolean;
    seed?: number;
    /** Leaves the lone space out of the vocabulary: whisper.cpp then fails under its default decoding. */
    withoutSpaceToken?: boolean;
  },
) {
  const [state, heads, layers] = options.size === 'tiny' ? [384, 6, 4] : [512, 8, 6];
  const vocab = 51_865;
  const audioContext = 1_500;
  const textContext = 448;
  const mels = 80;
  const random = gaussian(options.seed ?? 1);
  const out = createWriteStream(path);
  const write = async (chunk: Buffer) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };

  const header = Buffer.alloc(4 * 12);
  [0x67676d6c, vocab, audioContext, state, heads, layers, textContext, state, heads, layers, mels, 1].forEach(
    (value, index) => header.writeInt32LE(value, index * 4),
  );
  await write(header);
  // Mel filter bank: (n_mel, n_fft) of small positive values.
  const filters = Buffer.alloc(8 + mels * 201 * 4);
  filters.writeInt32LE(mels, 0);
  filters.writeInt32LE(201, 4);
  for (let index = 0; index < mels * 201; index += 1)
    filters.writeFloatLE(Math.abs(random()) * 0.01, 8 + index * 4);
  await write(filters);
  // Vocabulary: the 50257 byte-level tokens; specials follow implicitly. Token 220 is a lone
  // space, as in the real vocabulary: whisper.cpp looks it up by text to suppress blank output
  // (its default), and throws when it is missing.
  const words: Buffer[] = [int32(50_257)];
  for (let index = 0; index < 50_257; index += 1) {
    const word = Buffer.from(index === 220 && !options.withoutSpaceToken ? ' ' : ` w${index}`);
    words.push(int32(word.length), word);
  }
  await write(Buffer.concat(words));

  const tensor = async (name: string, shape: number[], f16: boolean) => {
    const count = shape.reduce((product, dimension) => product * dimension, 1);
    const nameBytes = Buffer.from(name);
    const head = Buffer.alloc(12 + shape.length * 4);
    head.writeInt32LE(shape.length, 0);
    head.writeInt32LE(nameBytes.length, 4);
    head.writeInt32LE(f16 ? 1 : 0, 8);
    shape.forEach((dimension, index) => head.writeInt32LE(dimension, 12 + index * 4));
    await write(Buffer.concat([head, nameBytes]));
    const values = new Float32Array(count);
    for (let index = 0; index < count; index += 1) values[index] = random() * 0.02;
    if (options.endOfTextBias) {
      if (name === 'decoder.ln.weight') values.fill(0);
      if (name === 'decoder.ln.bias') values.fill(1);
      // Rows 50257 (end of text) and 50364 (timestamp 0.00) of the token embedding: all ones, so
      // they win every step. whisper.cpp's defaults forbid end of text as the first token and then
      // pick a timestamp; a random one (up to 1 s) would advance the window only that far, and a
      // 5 s chunk would take hundreds of passes. Timestamp 0.00 then end of text ends the window.
      if (name === 'decoder.token_embedding.weight') {
        values.fill(1, 50_257 * state, 50_258 * state);
        values.fill(1, 50_364 * state, 50_365 * state);
      }
    }
    const data = f16 ? Buffer.from(toHalves(values).buffer) : Buffer.from(values.buffer);
    await write(data);
  };
  const block = async (prefix: string, cross: boolean) => {
    await tensor(`${prefix}mlp_ln.weight`, [state], false);
    await tensor(`${prefix}mlp_ln.bias`, [state], false);
    await tensor(`${prefix}mlp.0.weight`, [state, 4 * state], true);
    await tensor(`${prefix}mlp.0.bias`, [4 * state], false);
    await tensor(`${prefix}mlp.2.weight`, [4 * state, state], true);
    await tensor(`${prefix}mlp.2.bias`, [state], false);
    for (const attention of cross ? ['attn', 'cross_attn'] : ['attn']) {
      await tensor(`${prefix}${attention}_ln.weight`, [state], false);
      await tensor(`${prefix}${attention}_ln.bias`, [state], false);
      await tensor(`${prefix}${attention}.query.weight`, [state, state], true);
      await tensor(`${prefix}${attention}.query.bias`, [state], false);
      await tensor(`${prefix}${attention}.key.weight`, [state, state], true);
      await tensor(`${prefix}${attention}.value.weight`, [state, state], true);
      await tensor(`${prefix}${attention}.value.bias`, [state], false);
      await tensor(`${prefix}${attention}.out.weight`, [state, state], true);
      await tensor(`${prefix}${attention}.out.bias`, [state], false);
    }
  };
  await tensor('encoder.positional_embedding', [state, audioContext], false);
  await tensor('encoder.conv1.weight', [3, mels, state], true);
  await tensor('encoder.conv1.bias', [1, state], false);
  await tensor('encoder.conv2.weight', [3, state, state], true);
  await tensor('encoder.conv2.bias', [1, state], false);
  await tensor('encoder.ln_post.weight', [state], false);
  await tensor('encoder.ln_post.bias', [state], false);
  for (let layer = 0; layer < layers; layer += 1) await block(`encoder.blocks.${layer}.`, false);
  await tensor('decoder.positional_embedding', [state, textContext], false);
  await tensor('decoder.token_embedding.weight', [state, vocab], true);
  await tensor('decoder.ln.weight', [state], false);
  await tensor('decoder.ln.bias', [state], false);
  for (let layer = 0; layer < layers; layer += 1) await block(`decoder.blocks.${layer}.`, true);
  out.end();
  await once(out, 'finish');
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32LE(value, 0);
  return buffer;
}
