/** The loudest sample of a canonical 16-bit PCM WAV (0 is silence, 32768 full scale); 0 for anything else. */
export function wavPeak(file: Buffer): number {
  if (file.length < 44 || file.toString('ascii', 0, 4) !== 'RIFF') return 0;
  let offset = 12;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    if (id === 'data') {
      const end = Math.min(offset + 8 + size, file.length) - 1;
      let peak = 0;
      for (let sample = offset + 8; sample < end; sample += 2)
        peak = Math.max(peak, Math.abs(file.readInt16LE(sample)));
      return peak;
    }
    offset += 8 + size;
  }
  return 0;
}
