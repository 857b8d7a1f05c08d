import { execFile } from 'node:child_process';
import { readPcmWav } from './read-pcm-wav';
import { resample } from './resample';

export const speechSampleRate = 16_000;

const missing =
  'espeak-ng is not installed: the speech eval renders its consultations with it. Install it (Debian/Ubuntu: apt-get install espeak-ng) and run again.';

/** Fails with a sentence saying what to install, rather than a spawn error, when espeak-ng is absent. */
export async function assertEspeakInstalled(): Promise<void> {
  await runEspeak(['--version']);
}

/** `text` spoken by espeak-ng with `voice` ("pt-br", "en-us+f3"), as 16 kHz mono samples. */
export async function synthesizeSpeech(text: string, voice: string): Promise<Float32Array> {
  // The text is one argument (no shell), so nothing in it is ever interpreted.
  const wav = await runEspeak(['-v', voice, '--stdout', text]);
  const { sampleRate, samples } = readPcmWav(wav);
  return resample(samples, sampleRate, speechSampleRate);
}

function runEspeak(args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'espeak-ng',
      args,
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') reject(new Error(missing));
        else if (error) reject(new Error(`espeak-ng failed: ${stderr.toString().trim() || error.message}`));
        else resolve(stdout);
      },
    );
  });
}
