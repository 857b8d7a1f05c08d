import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { scriptedConsultations } from '@healthcare/ai/eval/scripted-consultations';
import { speechSampleRate, synthesizeSpeech } from '@healthcare/ai/eval/synthesize-speech';
import { writeWav } from '@healthcare/ai/eval/write-wav';
import { findFfmpeg } from '@healthcare/core/media/find-ffmpeg';

/**
 * `seconds` of Brazilian Portuguese speech (the eval's consultations read one after another by
 * espeak-ng) as a 16 kHz mono WAV, and its samples: speech-like input, not a tone.
 */
export async function writeSpeechWav(file: string, seconds: number): Promise<Float32Array> {
  const wanted = Math.round(seconds * speechSampleRate);
  const samples = new Float32Array(wanted);
  let filled = 0;
  const turns = scriptedConsultations
    .filter((consultation) => consultation.language === 'pt-BR')
    .flatMap((consultation) => consultation.turns);
  for (let index = 0; filled < wanted; index += 1) {
    const turn = turns[index % turns.length]!;
    const speech = await synthesizeSpeech(turn.text, turn.speaker === 'clinician' ? 'pt-br' : 'pt-br+f3');
    const piece = speech.subarray(0, wanted - filled);
    samples.set(piece, filled);
    filled += piece.length;
  }
  await writeWav(file, samples);
  return samples;
}

/** The WAV as a WebM/Opus file, the way a browser's MediaRecorder sends a chunk. */
export async function encodeWebmOpus(wavFile: string): Promise<Buffer> {
  const output = path.join(path.dirname(wavFile), `${path.basename(wavFile, '.wav')}.webm`);
  await promisify(execFile)(await findFfmpeg(), [
    '-nostdin',
    '-hide_banner',
    '-loglevel',
    'error',
    '-i',
    wavFile,
    '-c:a',
    'libopus',
    '-b:a',
    '32k',
    '-y',
    output,
  ]);
  return readFile(output);
}
