import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error';
import { audioSniffBytes, detectAudioFormat } from '../media/detect-audio-format';
import { sniffStream } from '../media/sniff-stream';

/** The body's audio type from its first bytes; anything else is refused before a byte is stored. */
export async function acceptAudio(body: Readable): Promise<{ mimeType: string; stream: Readable }> {
  const { head, stream } = await sniffStream(body, audioSniffBytes);
  const detected = detectAudioFormat(head);
  if (!detected) {
    stream.destroy();
    throw new AppError(
      'unsupported_media_type',
      'This file is not a supported audio format. Use WAV, WebM, Ogg, MP3, MP4/M4A or FLAC.',
    );
  }
  return { mimeType: detected.mimeType, stream };
}
