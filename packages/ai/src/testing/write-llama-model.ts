import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { gaussian, randomHalves } from './random-weights';

interface LlamaShape {
  embedding: number;
  heads: number;
  kvHeads: number;
  feedForward: number;
  layers: number;
  contextLength: number;
  vocabulary: number;
  /** Matrices in F16 (as real F16 GGUFs are); norms stay F32, as llama.cpp expects. */
  f16: boolean;
}

const shapes: Record<'tiny' | 'qwen-0.5b', LlamaShape> = {
  // Loads in tens of milliseconds and generates hundreds of tokens a second on one core.
  tiny: {
    embedding: 64,
    heads: 4,
    kvHeads: 4,
    feedForward: 128,
    layers: 2,
    contextLength: 4096,
    vocabulary: 0,
    f16: false,
  },
  // Qwen2.5-0.5B-Instruct's dimensions and its full 151,936-token vocabulary, so the output layer
  // and the grammar's walk over every candidate token cost what they cost with the real model.
  'qwen-0.5b': {
    embedding: 896,
    heads: 14,
    kvHeads: 2,
    feedForward: 4864,
    layers: 24,
    contextLength: 32_768,
    vocabulary: 151_936,
    f16: true,
  },
};

const ggufType = { uint32: 4, int32: 5, float32: 6, string: 8, array: 9 } as const;
const tensorType = { f32: 0, f16: 1 } as const;
const alignment = 32;
/** Token id of the byte 0x80: after <unk>, <s>, </s> and the 128 bytes below it. */
const firstHighByte = 3 + 0x80;

/**
 * Writes a llama-architecture GGUF v3 with random weights and a byte-fallback SentencePiece
 * vocabulary that llama.cpp (node-llama-cpp) loads and runs: no weights can be downloaded here
 * and none ship in any package. Any byte string tokenizes (through the 256 byte tokens), so a
 * JSON grammar can always be satisfied.
 */
export async function writeLlamaModel(
  path: string,
  options: {
    shape: 'tiny' | 'qwen-0.5b';
    seed?: number;
    /** A Jinja chat template, as instruct models carry; without one the model is a base model. */
    chatTemplate?: string;
  },
): Promise<void> {
  const shape = shapes[options.shape];
  const random = gaussian(options.seed ?? 1);
  const halves = randomHalves(options.seed ?? 1);
  const vocabulary = byteLevelVocabulary(shape.vocabulary);
  const headDimension = shape.embedding / shape.heads;
  const kvWidth = headDimension * shape.kvHeads;

  const metadata = [
    entry('general.architecture', ggufType.string, 'llama'),
    entry('general.name', ggufType.string, `random-llama-${options.shape}`),
    entry('general.alignment', ggufType.uint32, alignment),
    entry('llama.context_length', ggufType.uint32, shape.contextLength),
    entry('llama.embedding_length', ggufType.uint32, shape.embedding),
    entry('llama.block_count', ggufType.uint32, shape.layers),
    entry('llama.feed_forward_length', ggufType.uint32, shape.feedForward),
    entry('llama.attention.head_count', ggufType.uint32, shape.heads),
    entry('llama.attention.head_count_kv', ggufType.uint32, shape.kvHeads),
    entry('llama.rope.dimension_count', ggufType.uint32, headDimension),
    entry('llama.attention.layer_norm_rms_epsilon', ggufType.float32, 1e-5),
    entry('llama.vocab_size', ggufType.uint32, vocabulary.tokens.length),
    entry('tokenizer.ggml.model', ggufType.string, 'llama'),
    arrayEntry('tokenizer.ggml.tokens', ggufType.string, vocabulary.tokens),
    arrayEntry('tokenizer.ggml.scores', ggufType.float32, vocabulary.scores),
    arrayEntry('tokenizer.ggml.token_type', ggufType.int32, vocabulary.types),
    entry('tokenizer.ggml.unknown_token_id', ggufType.uint32, 0),
    entry('tokenizer.ggml.bos_token_id', ggufType.uint32, 1),
    entry('tokenizer.ggml.eos_token_id', ggufType.uint32, 2),
    ...(options.chatTemplate
      ? [entry('tokenizer.chat_template', ggufType.string, options.chatTemplate)]
      : []),
  ];

  // Dimensions in ggml order (the fastest-varying first), as GGUF stores them.
  const tensors: { name: string; dimensions: number[]; ones?: boolean; zeros?: [number, number] }[] = [
    { name: 'token_embd.weight', dimensions: [shape.embedding, vocabulary.tokens.length] },
  ];
  for (let layer = 0; layer < shape.layers; layer += 1) {
    const prefix = `blk.${layer}.`;
    tensors.push(
      { name: `${prefix}attn_norm.weight`, dimensions: [shape.embedding], ones: true },
      { name: `${prefix}attn_q.weight`, dimensions: [shape.embedding, shape.embedding] },
      { name: `${prefix}attn_k.weight`, dimensions: [shape.embedding, kvWidth] },
      { name: `${prefix}attn_v.weight`, dimensions: [shape.embedding, kvWidth] },
      { name: `${prefix}attn_output.weight`, dimensions: [shape.embedding, shape.embedding] },
      { name: `${prefix}ffn_norm.weight`, dimensions: [shape.embedding], ones: true },
      { name: `${prefix}ffn_gate.weight`, dimensions: [shape.embedding, shape.feedForward] },
      { name: `${prefix}ffn_down.weight`, dimensions: [shape.feedForward, shape.embedding] },
      { name: `${prefix}ffn_up.weight`, dimensions: [shape.embedding, shape.feedForward] },
    );
  }
  tensors.push(
    { name: 'output_norm.weight', dimensions: [shape.embedding], ones: true },
    {
      name: 'output.weight',
      dimensions: [shape.embedding, vocabulary.tokens.length],
      // Bytes 0x80-0xFF are not characters on their own: a random model that picks one writes
      // broken UTF-8, whose length a JSON schema cannot bound. Zero rows score 0, below the best
      // of the other candidates, so the model never picks them (input text still uses them).
      zeros: [firstHighByte * shape.embedding, (firstHighByte + 128) * shape.embedding],
    },
  );
  const layout = tensors.map((tensor) => {
    const half = shape.f16 && tensor.dimensions.length === 2;
    const count = tensor.dimensions.reduce((product, dimension) => product * dimension, 1);
    return { ...tensor, half, bytes: count * (half ? 2 : 4) };
  });

  const out = createWriteStream(path);
  let written = 0;
  const write = async (chunk: Buffer | Uint8Array) => {
    written += chunk.byteLength;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const pad = () => write(Buffer.alloc((alignment - (written % alignment)) % alignment));

  const header = Buffer.alloc(24);
  header.write('GGUF', 0, 'latin1');
  header.writeUInt32LE(3, 4);
  header.writeBigUInt64LE(BigInt(tensors.length), 8);
  header.writeBigUInt64LE(BigInt(metadata.length), 16);
  await write(header);
  for (const item of metadata) await write(item);
  let offset = 0;
  for (const tensor of layout) {
    const info = Buffer.alloc(4 + tensor.dimensions.length * 8 + 4 + 8);
    info.writeUInt32LE(tensor.dimensions.length, 0);
    tensor.dimensions.forEach((dimension, index) => info.writeBigUInt64LE(BigInt(dimension), 4 + index * 8));
    info.writeUInt32LE(tensor.half ? tensorType.f16 : tensorType.f32, 4 + tensor.dimensions.length * 8);
    info.writeBigUInt64LE(BigInt(offset), 8 + tensor.dimensions.length * 8);
    await write(Buffer.concat([ggufString(tensor.name), info]));
    offset += Math.ceil(tensor.bytes / alignment) * alignment;
  }
  await pad();
  // The largest matrices hold over 100 million values: generated and written a slice at a time.
  const slice = 1 << 20;
  for (const tensor of layout) {
    const count = tensor.bytes / (tensor.half ? 2 : 4);
    for (let start = 0; start < count; start += slice) {
      const length = Math.min(slice, count - start);
      let data: Float32Array | Uint16Array;
      if (tensor.half) {
        data = new Uint16Array(length);
        halves(data);
      } else {
        data = new Float32Array(length);
        if (tensor.ones) data.fill(1);
        else for (let index = 0; index < length; index += 1) data[index] = random() * 0.02;
      }
      if (tensor.zeros) {
        const [from, to] = tensor.zeros;
        if (from < start + length && to > start)
          data.fill(0, Math.max(0, from - start), Math.min(length, to - start));
      }
      await write(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    }
    await pad();
  }
  out.end();
  await once(out, 'finish');
}

/**
 * <unk>, <s>, </s>, the 256 byte tokens, printable ASCII and a few words; filler words after
 * that up to `size` (when larger), ranked last so the tokenizer prefers the real pieces.
 */
function byteLevelVocabulary(size: number) {
  const tokens = ['<unk>', '<s>', '</s>'];
  const scores = [0, 0, 0];
  const types = [2, 3, 3]; // unknown, control, control
  for (let byte = 0; byte < 256; byte += 1) {
    tokens.push(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
    scores.push(0);
    types.push(6); // byte
  }
  const pieces = [
    ...Array.from({ length: 94 }, (_, index) => String.fromCharCode(33 + index)),
    '\u2581',
    ...['the', 'patient', 'fever', 'pain', 'high', 'low', 'true', 'false'].map((word) => `\u2581${word}`),
  ];
  pieces.forEach((piece, index) => {
    tokens.push(piece);
    scores.push(-index);
    types.push(1); // normal
  });
  for (let index = 0; tokens.length < size; index += 1) {
    tokens.push(`\u2581w${index}`);
    scores.push(-1000 - index);
    types.push(1);
  }
  return { tokens, scores, types };
}

function ggufString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(bytes.length));
  return Buffer.concat([length, bytes]);
}

function entry(key: string, type: number, value: string | number): Buffer {
  const typeBytes = Buffer.alloc(4);
  typeBytes.writeUInt32LE(type);
  return Buffer.concat([ggufString(key), typeBytes, scalar(type, value)]);
}

function arrayEntry(key: string, elementType: number, values: (string | number)[]): Buffer {
  const head = Buffer.alloc(16);
  head.writeUInt32LE(ggufType.array, 0);
  head.writeUInt32LE(elementType, 4);
  head.writeBigUInt64LE(BigInt(values.length), 8);
  return Buffer.concat([ggufString(key), head, ...values.map((value) => scalar(elementType, value))]);
}

function scalar(type: number, value: string | number): Buffer {
  if (type === ggufType.string) return ggufString(String(value));
  const buffer = Buffer.alloc(4);
  if (type === ggufType.uint32) buffer.writeUInt32LE(Number(value));
  else if (type === ggufType.int32) buffer.writeInt32LE(Number(value));
  else buffer.writeFloatLE(Number(value));
  return buffer;
}
