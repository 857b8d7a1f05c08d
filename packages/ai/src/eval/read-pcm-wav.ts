/** Samples of a 16-bit PCM WAV (any rate, channels averaged) as floats in [-1, 1], with the rate. */
export function readPcmWav(file: Buffer): { sampleRate: number; samples: Float32Array } {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('Not a WAV file.');
  let format: { channels: number; sampleRate: number; bits: number; encoding: number } | undefined;
  let offset = 12;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      format = {
        encoding: file.readUInt16LE(offset + 8),
        channels: file.readUInt16LE(offset + 10),
        sampleRate: file.readUInt32LE(offset + 12),
        bits: file.readUInt16LE(offset + 22),
      };
    } else if (id === 'data') {
      if (!format || format.encoding !== 1 || format.bits !== 16)
        throw new Error('Only 16-bit PCM WAV files are read here.');
      // A WAV written to a pipe states an unknown (maximal) size: the file's end is the data's end.
      const end = Math.min(file.length, offset + 8 + size);
      const frames = Math.floor((end - offset - 8) / (2 * format.channels));
      const samples = new Float32Array(frames);
      for (let frame = 0; frame < frames; frame += 1) {
        let sum = 0;
        for (let channel = 0; channel < format.channels; channel += 1)
          sum += file.readInt16LE(offset + 8 + (frame * format.channels + channel) * 2);
        samples[frame] = sum / format.channels / 32_768;
      }
      return { sampleRate: format.sampleRate, samples };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('The WAV file has no audio data.');
}
