/**
 * bench/stt, real-time factor: our embedded engine (createEmbeddedSpeechToText: WAV read, queue,
 * result mapping) against smart-whisper called directly, on the same whisper-base-shaped random
 * model, audio, threads and decoding parameters, in interleaved runs. Prints the medians and
 * their ratio, the wrapper's overhead (target: at most 10%).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createEmbeddedSpeechToText } from '@healthcare/ai/stt/embedded-speech-to-text';
import { writeWhisperModel } from '@healthcare/ai/testing/write-whisper-model';
import { Whisper } from 'smart-whisper';
import { describeMachine } from '../common/machine';
import { median, repetitions, wallAndCpuSeconds } from '../common/measure';
import { printTable } from '../common/print-table';
import { writeSpeechWav } from './speech-audio';

const audioSec = 30;
const runs = repetitions(3);
const threads = availableParallelism();
// Random weights decode nothing under whisper.cpp's usual thresholds; relaxed, they decode
// tokens, and a bound on tokens keeps each run to one encoder pass and a few decoder steps.
const decoding = {
  no_speech_thold: 1,
  logprob_thold: -1e5,
  entropy_thold: 1e5,
  temperature_inc: 0,
  suppress_blank: false,
  max_tokens: 16,
};

const scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-bench-stt-'));
try {
  const modelFile = path.join(scratch, 'ggml-base-random.bin');
  const wavFile = path.join(scratch, 'speech.wav');
  await writeWhisperModel(modelFile, { size: 'base' });
  const pcm = await writeSpeechWav(wavFile, audioSec);

  const ours = createEmbeddedSpeechToText({ modelFile: async () => modelFile, threads, decoding });
  const direct = new Whisper(modelFile, { gpu: false });
  const transcribeOurs = async () =>
    (await ours.transcribe({ path: wavFile, durationSec: audioSec }, { language: 'pt-BR' })).segments.map(
      (segment) => segment.text,
    );
  const transcribeDirect = async () => {
    const task = await direct.transcribe(pcm, {
      n_threads: threads,
      format: 'simple',
      language: 'pt',
      ...decoding,
    });
    const result: unknown = await task.result;
    if (!Array.isArray(result)) throw new Error(`whisper.cpp failed: ${String(result)}`);
    return (result as { text: string }[]).map((segment) => segment.text.trim());
  };

  // Both load their model and run once before anything is timed; both must do the same work.
  const [oursText, directText] = [await transcribeOurs(), await transcribeDirect()];
  if (JSON.stringify(oursText) !== JSON.stringify(directText))
    throw new Error(
      `the two sides decoded differently: ${JSON.stringify(oursText)} vs ${JSON.stringify(directText)}`,
    );

  const timings = {
    ours: [] as { wall: number; cpu: number }[],
    direct: [] as { wall: number; cpu: number }[],
  };
  for (let run = 0; run < runs; run += 1) {
    // Alternating which side goes first cancels a slow drift in the machine's load.
    const order = run % 2 === 0 ? (['ours', 'direct'] as const) : (['direct', 'ours'] as const);
    for (const side of order)
      timings[side].push(await wallAndCpuSeconds(side === 'ours' ? transcribeOurs : transcribeDirect));
  }
  const sideFigures = (side: keyof typeof timings) => ({
    wall: median(timings[side].map((timing) => timing.wall)),
    fastest: Math.min(...timings[side].map((timing) => timing.wall)),
    cpu: median(timings[side].map((timing) => timing.cpu)),
  });
  // Each run's two sides ran back to back: the ratio within a pair cancels most of the load
  // that moves the medians, so the ratios reported are medians of the pairs' ratios.
  const pairedRatio = (figure: 'wall' | 'cpu') =>
    median(timings.ours.map((timing, run) => timing[figure] / timings.direct[run]![figure]));
  const directFigures = sideFigures('direct');
  const oursFigures = sideFigures('ours');
  const wallRatio = pairedRatio('wall');

  console.log(
    `bench/stt real-time factor: ${audioSec} s of espeak-ng pt-BR speech, whisper-base-shaped random model, ` +
      `${threads} threads, ${decoding.max_tokens} tokens per segment at most; ${runs} interleaved runs per side`,
  );
  console.log(`machine: ${describeMachine()}\n`);
  printTable(
    ['case', 'median s', 'RTF', 'vs direct', 'fastest s', 'CPU s', 'CPU vs direct'],
    [
      ['smart-whisper called directly', directFigures, '1.00', '1.00'] as const,
      [
        'our embedded engine',
        oursFigures,
        `${wallRatio.toFixed(2)} ${wallRatio <= 1.1 ? '(≤ 1.10 ✓)' : '(> 1.10 ✗)'}`,
        pairedRatio('cpu').toFixed(2),
      ] as const,
    ].map(([name, side, versus, cpuVersus]) => [
      name,
      side.wall.toFixed(2),
      (side.wall / audioSec).toFixed(3),
      versus,
      side.fastest.toFixed(2),
      side.cpu.toFixed(2),
      cpuVersus,
    ]),
  );
  console.log('\nvs direct: median of the ratios of runs done back to back (ours, direct or direct, ours)');
  await direct.free();
} finally {
  await rm(scratch, { recursive: true, force: true });
}
// Our engine keeps its model loaded (and this process alive) for minutes after its last use.
process.exit(0);
