import { Readable } from 'node:stream';
import { wavHeader } from '@healthcare/ai/stt/wav-header';

const blockBytes = 1024 * 1024;

/** A WAV file of `totalBytes` generated on the fly (16 kHz mono PCM of a slow ramp), never held in memory. */
export function wavStream(totalBytes: number): Readable {
  const header = wavHeader(totalBytes - 44);
  const block = Buffer.alloc(blockBytes);
  for (let index = 0; index < blockBytes; index += 2) block.writeInt16LE((index % 4096) - 2048, index);

  let sent = 0;
  return new Readable({
    read() {
      if (sent === 0) {
        sent = header.length;
        this.push(header);
        return;
      }
      const remaining = totalBytes - sent;
      if (remaining <= 0) {
        this.push(null);
        return;
      }
      const piece = remaining >= blockBytes ? block : block.subarray(0, remaining);
      sent += piece.length;
      this.push(piece);
    },
  });
}
