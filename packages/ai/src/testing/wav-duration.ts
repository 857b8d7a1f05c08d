/** Seconds of PCM in a canonical WAV (fmt chunk, then data); 0 for anything else. */
export function wavDuration(file: Buffer): number {
  if (file.length < 44 || file.toString('ascii', 0, 4) !== 'RIFF') return 0;
  const byteRate = file.readUInt32LE(28);
  let offset = 12;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    if (id === 'data') return Math.min(size, file.length - offset - 8) / byteRate;
    offset += 8 + size;
  }
  return 0;
}
