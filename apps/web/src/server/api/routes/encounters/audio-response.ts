import { Readable } from 'node:stream';
import { readEncounterAudio } from '@healthcare/core/recordings/read-encounter-audio';
import { parseRange } from '../../../http/parse-range';
import { problemResponse } from '../../../http/problem';
import type { ResponseSpec } from '../../../http/route';
import type { AppContext } from '../../../boot/app-context';
import type { Actor } from '@healthcare/core/auth/actor';
import { audioContentTypes } from './upload-recording.route';

export const audioResponses: Record<number, ResponseSpec> = {
  200: { description: 'The whole audio', contentTypes: audioContentTypes },
  206: { description: 'The requested byte range', contentTypes: audioContentTypes },
  403: { description: 'Staff do not hear recordings' },
  404: { description: 'No such encounter, recording or chunk in your clinic' },
  416: { description: 'The range starts past the end' },
};

class UnsatisfiableRange extends Error {
  constructor(readonly size: number) {
    super('unsatisfiable range');
  }
}

/** Audio with one byte range at most, which is what an <audio> element asks for when it seeks. */
export async function audioResponse(
  app: AppContext,
  actor: Actor,
  request: Request,
  encounterId: string,
  seq?: number,
): Promise<Response> {
  let audio;
  try {
    audio = await readEncounterAudio({ db: app.db, storage: app.storage }, actor, encounterId, {
      ...(seq === undefined ? {} : { seq }),
      pickRange: (size) => {
        const range = parseRange(request.headers.get('range'), size);
        if (range === 'unsatisfiable') throw new UnsatisfiableRange(size);
        return range;
      },
    });
  } catch (error) {
    if (!(error instanceof UnsatisfiableRange)) throw error;
    return problemResponse(416, 'The requested range starts past the end of the recording.', {
      type: 'range-not-satisfiable',
      headers: { 'content-range': `bytes */${error.size}` },
    });
  }
  const { range } = audio;
  const headers = new Headers({
    'content-type': audio.mimeType,
    'content-length': String(range ? range.end - range.start + 1 : audio.bytes),
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-store',
    'content-security-policy': "default-src 'none'; sandbox",
  });
  if (audio.sha256) headers.set('etag', `"${audio.sha256}"`);
  if (range) headers.set('content-range', `bytes ${range.start}-${range.end}/${audio.bytes}`);
  return new Response(Readable.toWeb(audio.body) as ReadableStream, { status: range ? 206 : 200, headers });
}
