import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import {
  type ChatHistoryItem,
  type ChatWrapper,
  GeneralChatWrapper,
  type GbnfJsonSchema,
  getLlama,
  type Llama,
  LlamaChat,
  type LlamaGrammar,
  LlamaLogLevel,
  type LlamaModel,
  resolveChatWrapper,
} from 'node-llama-cpp';
import { createCircuitBreaker } from '../http/circuit-breaker';
import { ProviderError } from '../http/provider-error';
import { isGgufFile } from './is-gguf-file';
import type { ChatMessage, Completion, NoteWriter } from './note-writer';

export interface EmbeddedNoteWriterOptions {
  /** Resolves the GGUF model file, downloading it on first use if needed. */
  modelFile: () => Promise<string>;
  /** llama.cpp's default of 4 threads on 2 cores ran 40 times slower (TRIED.md): always explicit. */
  threads?: number;
  /** Tokens the model attends to at once, prompt and answer together; capped at what the model was trained for. */
  contextSize?: number;
  maxOutputTokens?: number;
  /**
   * The longest one answer may take to write, prompt included (LLM_TIMEOUT_SECONDS); loading the
   * model and waiting for the request ahead do not count. Past it generation stops and the job
   * retries later, as for an API that does not answer in time.
   */
  timeoutMs: number;
}

// A long consultation transcript runs to 10,000 tokens; the KV cache for 16k tokens of a
// 1.5B model is about 0.5 GB.
const defaultContextSize = 16_384;
const defaultMaxOutputTokens = 4_096;
const provider = 'The built-in language model';

/**
 * Failures of the engine itself (timeouts, crashes while writing), which the circuit breaker
 * counts; a request it refuses (too long, cut off at the output limit) says nothing about it.
 */
const engineFailures = new WeakSet<ProviderError>();
const engineFailure = (message: string, retryable: boolean) => {
  const error = new ProviderError(provider, message, retryable);
  engineFailures.add(error);
  return error;
};
const isEngineFailure = (error: unknown) => error instanceof ProviderError && engineFailures.has(error);

interface LoadedModel {
  name: string;
  model: LlamaModel;
  chat: LlamaChat;
  chatWrapper: ChatWrapper;
  contextSize: number;
  grammars: Map<string, Promise<LlamaGrammar>>;
}

/**
 * A GGUF model run by llama.cpp inside this process (node-llama-cpp, CPU only). The model is
 * loaded on first use and kept; completions run one at a time, since they would only share the
 * same cores. A JSON schema becomes a grammar, so the answer always parses and conforms.
 */
export function createEmbeddedNoteWriter(options: EmbeddedNoteWriterOptions): NoteWriter {
  const threads = options.threads ?? Math.max(1, availableParallelism());
  const maxOutputTokens = options.maxOutputTokens ?? defaultMaxOutputTokens;
  let loaded: Promise<LoadedModel> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  // As for the HTTP providers: an engine that keeps timing out or crashing is left alone for a
  // while, so queued notes fail fast (and their jobs retry later) instead of each taking the
  // whole timeout.
  const breaker = createCircuitBreaker(provider, { failureThreshold: 5, cooldownMs: 30_000 });

  const load = () =>
    (loaded ??= loadModel(options.modelFile, threads, options.contextSize ?? defaultContextSize).catch(
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    ));

  const unload = async (engine: LoadedModel) => {
    loaded = undefined;
    await engine.model.dispose().catch(() => undefined);
  };

  return {
    name: 'embedded',
    complete({ messages, jsonSchema, signal }): Promise<Completion> {
      const run = async (): Promise<Completion> => {
        signal?.throwIfAborted();
        const engine = await load();
        const grammar = jsonSchema ? await grammarFor(engine, jsonSchema.schema) : undefined;
        const history = toChatHistory(messages, jsonSchema?.schema);
        const inputTokens = engine.chatWrapper
          .generateContextState({ chatHistory: history })
          .contextText.tokenize(engine.model.tokenizer).length;
        // Beyond the context, llama.cpp would silently drop the start of the conversation.
        if (inputTokens + maxOutputTokens > engine.contextSize) {
          throw new ProviderError(
            provider,
            `The request is ${inputTokens} tokens long and, with room for an answer of ${maxOutputTokens} tokens (LLM_MAX_OUTPUT_TOKENS), does not fit the built-in model's context of ${engine.contextSize} tokens. Raise LLM_CONTEXT_SIZE if memory allows, or use a model with a longer context.`,
            false,
          );
        }
        let outputTokens = 0;
        let response;
        const deadline = AbortSignal.timeout(options.timeoutMs);
        try {
          response = await engine.chat.generateResponse(history, {
            ...(grammar ? { grammar } : {}),
            temperature: 0,
            maxTokens: maxOutputTokens,
            signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
            onToken: (tokens) => {
              outputTokens += tokens.length;
            },
          });
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          // The model is intact: the next request reuses it.
          if (deadline.aborted) {
            throw engineFailure(
              `The built-in language model did not finish writing within ${describeDuration(options.timeoutMs)} (LLM_TIMEOUT_SECONDS); the machine may be overloaded, or the transcript too long for it.`,
              true,
            );
          }
          await unload(engine);
          throw engineFailure(
            `The built-in language model failed while writing (${reasonOf(error)}). If its model file is damaged, delete it so it is downloaded again.`,
            false,
          );
        }
        if (grammar && response.metadata.stopReason === 'maxTokens') {
          throw new ProviderError(
            provider,
            `The built-in language model reached its limit of ${maxOutputTokens} output tokens (LLM_MAX_OUTPUT_TOKENS) before finishing its answer. Raise the limit, then use “retry”.`,
            false,
          );
        }
        return { text: response.response, model: engine.name, usage: { inputTokens, outputTokens } };
      };
      // Checked when the request's turn comes, so requests queued behind failures fail fast too.
      const guarded = () => breaker.run(run, isEngineFailure);
      const next = queue.then(guarded, guarded);
      queue = next.catch(() => undefined);
      return signal ? abortable(next, signal) : next;
    },
  };
}

let runtime: Promise<Llama> | undefined;
/** llama.cpp's own account of the last failure: its JavaScript errors only say "Failed to load model". */
let lastEngineError: string | undefined;

/** The llama.cpp binding, shared by every writer in the process: loading it takes seconds. */
function llamaRuntime(): Promise<Llama> {
  return (runtime ??= getLlama({
    // The optional CUDA/Vulkan packages npm installs are never used; `build: 'never'` keeps a
    // missing prebuilt binary from starting a compile of llama.cpp on a production machine.
    gpu: false,
    build: 'never',
    // No cap here: each context sets its own thread count.
    maxThreads: 0,
    // Kept off stdout, which carries our JSON logs; errors are quoted in the ProviderError instead.
    logLevel: LlamaLogLevel.error,
    logger: (_level, message) => {
      lastEngineError = message.trim();
    },
  }).catch((error: unknown) => {
    runtime = undefined;
    throw new ProviderError(
      provider,
      `The built-in language model could not start llama.cpp on this machine (${reasonOf(error)}). Reinstall with “npm ci”, or set LLM_PROVIDER to an API such as openai or anthropic.`,
      false,
    );
  }));
}

async function loadModel(
  modelFile: () => Promise<string>,
  threads: number,
  contextSize: number,
): Promise<LoadedModel> {
  const file = await modelFile();
  const present = await stat(file).then(
    (stats) => stats.isFile(),
    () => false,
  );
  if (!present) {
    throw new ProviderError(
      provider,
      `The language model file ${file} does not exist. Put the model there or correct LLM_MODEL_PATH, then use “retry”.`,
      false,
    );
  }
  const damaged = (why: string) =>
    new ProviderError(
      provider,
      `The language model file ${file} could not be loaded (${why}): it is damaged, incomplete or not a GGUF model. Delete it so it is downloaded again (or correct LLM_MODEL_PATH), then use “retry”.`,
      false,
    );
  if (!(await isGgufFile(file))) throw damaged('its header is not a GGUF header');
  const llama = await llamaRuntime();
  let model: LlamaModel;
  try {
    lastEngineError = undefined;
    model = await llama.loadModel({ modelPath: file });
  } catch (error) {
    throw damaged(lastEngineError ?? reasonOf(error));
  }
  const size = Math.min(contextSize, model.trainContextSize);
  try {
    const context = await model.createContext({ contextSize: size, threads });
    // Instruct models carry their chat template; a model without one gets a plain transcript format.
    const chatWrapper = model.fileInfo.metadata.tokenizer?.chat_template
      ? resolveChatWrapper(model)
      : new GeneralChatWrapper();
    return {
      name: path.basename(file).replace(/\.gguf$/i, ''),
      model,
      chat: new LlamaChat({ contextSequence: context.getSequence(), chatWrapper }),
      chatWrapper,
      contextSize: context.contextSize,
      grammars: new Map(),
    };
  } catch (error) {
    await model.dispose().catch(() => undefined);
    throw new ProviderError(
      provider,
      `The built-in language model could not reserve memory for a context of ${size} tokens (${reasonOf(error)}). Lower LLM_CONTEXT_SIZE or free memory, then use “retry”.`,
      false,
    );
  }
}

/** Grammars take a moment to compile and schemas are few (one per note template): kept per model. */
function grammarFor(engine: LoadedModel, schema: object): Promise<LlamaGrammar> {
  const key = JSON.stringify(schema);
  let grammar = engine.grammars.get(key);
  if (!grammar) {
    grammar = engine.model.llama
      .createGrammarForJsonSchema<GbnfJsonSchema>(schema as GbnfJsonSchema)
      .catch((error: unknown) => {
        engine.grammars.delete(key);
        throw new ProviderError(
          provider,
          `The built-in language model cannot follow this JSON schema (${reasonOf(error)}).`,
          false,
        );
      });
    engine.grammars.set(key, grammar);
  }
  return grammar;
}

/**
 * One system turn first (many chat templates accept no other), carrying the schema too: the
 * grammar enforces the shape, but the model writes better content when it knows what is asked.
 */
function toChatHistory(messages: ChatMessage[], schema: object | undefined): ChatHistoryItem[] {
  const system = [
    ...messages.filter((message) => message.role === 'system').map((message) => message.content),
    ...(schema
      ? [`Answer with one JSON object only, matching this JSON Schema:\n${JSON.stringify(schema)}`]
      : []),
  ].join('\n\n');
  return [
    ...(system ? [{ type: 'system' as const, text: system }] : []),
    ...messages
      .filter((message) => message.role !== 'system')
      .map((message): ChatHistoryItem =>
        message.role === 'user'
          ? { type: 'user', text: message.content }
          : { type: 'model', response: [message.content] },
      ),
    { type: 'model', response: [] },
  ];
}

/** A caller that gives up stops waiting at once, even while an earlier completion still runs. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const describeDuration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : 'unknown error');
