import path from 'node:path';
import type { AudioFile } from '../stt/speech-to-text';
import type { EvalLanguage, ScriptedConsultation } from './scripted-consultations';
import { speechSampleRate, synthesizeSpeech } from './synthesize-speech';
import { writeWav } from './write-wav';

/** Two voices per language, so the audio alternates speakers the way a consultation does. */
const voices: Record<EvalLanguage, Record<'clinician' | 'patient', string>> = {
  'pt-BR': { clinician: 'pt-br', patient: 'pt-br+f3' },
  en: { clinician: 'en-us', patient: 'en-us+f3' },
};
const pauseSec = 0.4;

/** Speaks a scripted consultation into `directory/<id>.wav` (16 kHz mono), turn by turn. */
export async function renderConsultation(
  consultation: ScriptedConsultation,
  directory: string,
): Promise<AudioFile> {
  const pause = new Float32Array(Math.round(pauseSec * speechSampleRate));
  const parts: Float32Array[] = [pause];
  for (const turn of consultation.turns) {
    parts.push(await synthesizeSpeech(turn.text, voices[consultation.language][turn.speaker]), pause);
  }
  const samples = new Float32Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    samples.set(part, offset);
    offset += part.length;
  }
  const file = path.join(directory, `${consultation.id}.wav`);
  await writeWav(file, samples);
  return { path: file, durationSec: samples.length / speechSampleRate };
}
