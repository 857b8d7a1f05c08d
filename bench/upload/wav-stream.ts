import { Readable } from 'node:stream';

const blockBytes = 1024 * 1024;

/** A WAV file of `totalBytes` generated on the fly (16 kHz mono PCM of a slow ramp), never held in memory. */
export function wavStream(totalBytes: number): Readable {
  const dataBytes = totalBytes - 44;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(Math.min(dataBytes + 36, 0xffffffff), 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(Math.min(dataBytes, 0xffffffff), 40);
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
