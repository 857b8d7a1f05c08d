/**
 * bench/llm: tokens per second of our embedded note writer (createEmbeddedNoteWriter:
 * node-llama-cpp's LlamaChat with its chat wrapper, threads set to the cores) against llama.cpp
 * driven directly through node-llama-cpp's low-level API (a context sequence evaluating the same
 * prompt tokens and generating as many tokens, no chat wrapper, no grammar), on a
 * Qwen2.5-0.5B-shaped random F16 model, in interleaved runs. Then the JSON-schema grammar our
 * writer adds for notes, on both sides, and the direct engine at 1 thread, the cores, and
 * node-llama-cpp's default.
 *
 * Our writer reports no per-token times, so its prompt figure is the time of a one-token answer
 * and its generation figure the difference to an N-token answer; the direct side's are taken at
 * its first and last token. Random weights write nonsense, so answers are bounded by count.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createEmbeddedNoteWriter } from '@healthcare/ai/llm/embedded-note-writer';
import type { NoteWriter } from '@healthcare/ai/llm/note-writer';
import { writeLlamaModel } from '@healthcare/ai/testing/write-llama-model';
import { GeneralChatWrapper, getLlama, LlamaLogLevel, type LlamaModel } from 'node-llama-cpp';
import { describeMachine } from '../common/machine';
import { median, seconds } from '../common/measure';
import { printTable } from '../common/print-table';
import { generateDirectly, type EngineRun } from './direct-engine';
import { historyOf, messagesOf, noteSchema } from './prompt';

const runs = Number(process.env.BENCH_LLM_RUNS ?? 3);
if (!Number.isInteger(runs) || runs < 1) throw new Error('BENCH_LLM_RUNS must be a whole number ≥ 1');
const cores = availableParallelism();
const answerTokens = 16;
const threadAnswerTokens = 4;
const contextSize = 16_384; // our writer's default

const scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-bench-llm-'));
let model: LlamaModel | undefined;
try {
  const modelFile = path.join(scratch, 'qwen-0.5b-random.gguf');
  await writeLlamaModel(modelFile, { shape: 'qwen-0.5b' });
  const writer = (maxOutputTokens: number): NoteWriter =>
    createEmbeddedNoteWriter({
      modelFile: async () => modelFile,
      threads: cores,
      maxOutputTokens,
      // The app's embedded default: long enough that only a hung engine would reach it.
      timeoutMs: 840_000,
    });
  // A one-token answer, an N-token answer, and JSON notes (whose length the grammar and schema bound).
  const ours = { prompt: writer(1), answer: writer(answerTokens), json: writer(256) };

  const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  const defaultThreads = llama.maxThreads;
  model = await llama.loadModel({ modelPath: modelFile });
  const directContext = await model.createContext({ contextSize, threads: cores });
  const direct = directContext.getSequence();
  const grammar = await llama.createGrammarForJsonSchema(noteSchema);
  const wrapper = new GeneralChatWrapper();
  const promptTokens = (run: number, withSchema: boolean) =>
    wrapper
      .generateContextState({ chatHistory: historyOf(messagesOf(run), withSchema) })
      .contextText.tokenize(model!.tokenizer);

  const complete = async (side: NoteWriter, run: number, withSchema: boolean) => {
    let usage = { inputTokens: 0, outputTokens: 0 };
    const sec = await seconds(async () => {
      const completion = await side.complete({
        messages: messagesOf(run),
        ...(withSchema ? { jsonSchema: { name: 'note', schema: noteSchema } } : {}),
      });
      usage = completion.usage!;
    });
    return { sec, ...usage };
  };

  // Loads every engine and compiles the grammars before anything is timed.
  for (const side of [ours.prompt, ours.answer]) await complete(side, 0, false);
  await complete(ours.json, 0, true);
  await generateDirectly(direct, promptTokens(0, false), 2);

  const timings = {
    oursOne: [] as number[],
    oursMany: [] as number[],
    direct: [] as EngineRun[],
    oursJson: [] as number[],
    directJson: [] as EngineRun[],
  };
  let inputTokens = 0;
  let jsonInputTokens = 0;
  const jsonTokens: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const tokens = promptTokens(run, false);
    const sides = [
      async () => {
        const one = await complete(ours.prompt, run, false);
        const many = await complete(ours.answer, run, false);
        if (one.outputTokens !== 1 || many.outputTokens !== answerTokens)
          throw new Error(`our writer wrote ${one.outputTokens} and ${many.outputTokens} tokens`);
        if (one.inputTokens !== tokens.length)
          throw new Error(`our prompt is ${one.inputTokens} tokens, the direct one ${tokens.length}`);
        timings.oursOne.push(one.sec);
        timings.oursMany.push(many.sec);
      },
      async () => {
        const result = await generateDirectly(direct, tokens, answerTokens);
        if (result.generated !== answerTokens) throw new Error(`direct: ${result.generated} tokens`);
        timings.direct.push(result);
      },
    ];
    // Alternating which side goes first cancels a slow drift in the machine's load.
    for (const side of run % 2 ? sides : sides.reverse()) await side();
    inputTokens = tokens.length;

    // With the grammar: our writer first (its answer's length sets the direct one's).
    const json = await complete(ours.json, run, true);
    const jsonPrompt = promptTokens(run, true);
    if (json.inputTokens !== jsonPrompt.length)
      throw new Error(`our JSON prompt is ${json.inputTokens} tokens, the direct one ${jsonPrompt.length}`);
    const jsonDirect = await generateDirectly(direct, jsonPrompt, json.outputTokens, grammar);
    if (jsonDirect.generated !== json.outputTokens)
      throw new Error(`with the grammar: ours ${json.outputTokens} tokens, direct ${jsonDirect.generated}`);
    jsonInputTokens = jsonPrompt.length;
    jsonTokens.push(json.outputTokens);
    timings.oursJson.push(json.sec);
    timings.directJson.push(jsonDirect);
  }
  await directContext.dispose();

  // The direct engine at other thread counts, one run each, on a prompt of the same length.
  const threadCounts = [...new Set([1, cores, defaultThreads])].sort((a, b) => a - b);
  const byThreads: { threads: number; run: EngineRun }[] = [];
  for (const [index, threads] of threadCounts.entries()) {
    const context = await model.createContext({ contextSize, threads });
    const sequence = context.getSequence();
    await generateDirectly(sequence, promptTokens(0, false), 2);
    byThreads.push({
      threads,
      run: await generateDirectly(sequence, promptTokens(runs + 1 + index, false), threadAnswerTokens),
    });
    await context.dispose();
  }

  const directRates = rates(timings.direct, inputTokens);
  const oursPromptSec = median(timings.oursOne);
  const oursGenerationSec = median(timings.oursMany) - oursPromptSec;
  if (oursGenerationSec <= 0) throw new Error('our N-token answers took no longer than one-token ones');
  const oursRates = {
    prompt: inputTokens / oursPromptSec,
    generation: (answerTokens - 1) / oursGenerationSec,
    total: median(timings.oursMany),
  };
  const directJsonRates = rates(timings.directJson, jsonInputTokens);
  const oursJsonTotal = median(timings.oursJson);
  const answerOf = (tokens: number[]) =>
    Math.min(...tokens) === Math.max(...tokens)
      ? String(tokens[0])
      : `${Math.min(...tokens)}-${Math.max(...tokens)}`;

  console.log(
    `bench/llm: Qwen2.5-0.5B-shaped random F16 model (896 wide, 24 layers, 14/2 heads, FFN 4864, ` +
      `151,936-token vocabulary), context ${contextSize}, greedy; ${runs} interleaved runs per side, medians`,
  );
  console.log(`machine: ${describeMachine()}, load average ${loadavg()[0]!.toFixed(2)} at the end\n`);
  const row = (
    name: string,
    threads: number,
    prompt: number,
    answer: string,
    figures: Rates,
    versus: string,
  ) => [
    name,
    String(threads),
    String(prompt),
    figures.prompt.toFixed(1),
    answer,
    figures.generation.toFixed(1),
    figures.total.toFixed(2),
    versus,
  ];
  printTable(
    [
      'case',
      'threads',
      'prompt tok',
      'prompt tok/s',
      'answer tok',
      'gen tok/s',
      'total s',
      'total vs direct',
    ],
    [
      row(
        'llama.cpp driven directly (baseline)',
        cores,
        inputTokens,
        String(answerTokens),
        directRates,
        '1.00',
      ),
      row(
        'our embedded note writer',
        cores,
        inputTokens,
        String(answerTokens),
        oursRates,
        (oursRates.total / directRates.total).toFixed(2),
      ),
      [
        '  ours / direct',
        '',
        '',
        (oursRates.prompt / directRates.prompt).toFixed(2),
        '',
        (oursRates.generation / directRates.generation).toFixed(2),
        '',
        '',
      ],
      row(
        'llama.cpp directly, JSON grammar',
        cores,
        jsonInputTokens,
        answerOf(jsonTokens),
        directJsonRates,
        '1.00',
      ),
      [
        'our note writer, JSON schema → grammar',
        String(cores),
        String(jsonInputTokens),
        '—',
        answerOf(jsonTokens),
        '—',
        oursJsonTotal.toFixed(2),
        (oursJsonTotal / directJsonRates.total).toFixed(2),
      ],
      [
        '  grammar cost: direct gen tok/s with / without',
        '',
        '',
        '',
        '',
        (directJsonRates.generation / directRates.generation).toFixed(2),
        '',
        '',
      ],
      ...byThreads.map(({ threads, run }) =>
        row(
          `llama.cpp directly, ${threads} thread${threads === 1 ? '' : 's'}${threads === defaultThreads ? ' (its default here)' : ''}`,
          threads,
          inputTokens,
          String(threadAnswerTokens),
          rates([run], inputTokens),
          '',
        ),
      ),
    ],
  );
  console.log(
    `\nprompt tok/s: prompt tokens over the time to the first answer token; gen tok/s: the other answer tokens over their time.` +
      `\nours: one-token and ${answerTokens}-token answers timed apart (the difference is generation); the grammar rows' ` +
      `answers are whole JSON notes (schema ≤ 24 characters of text), the same length on both sides.` +
      `\nthread rows: one run each, ${threadAnswerTokens}-token answers.`,
  );
} finally {
  await model?.dispose();
  await rm(scratch, { recursive: true, force: true });
}
// Our writers keep their models loaded (and this process alive).
process.exit(0);

interface Rates {
  prompt: number;
  generation: number;
  total: number;
}

/** Medians over runs of the same prompt and answer lengths. */
function rates(engineRuns: EngineRun[], promptLength: number): Rates {
  const first = median(engineRuns.map((run) => run.firstTokenSec));
  const rest = median(engineRuns.map((run) => run.totalSec - run.firstTokenSec));
  const answer = engineRuns[0]!.generated;
  return {
    prompt: promptLength / first,
    generation: answer > 1 ? (answer - 1) / rest : NaN,
    total: median(engineRuns.map((run) => run.totalSec)),
  };
}
