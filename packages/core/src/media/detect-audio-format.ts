import { startsWithBytes } from './starts-with-bytes';

export type AudioFormat = 'wav' | 'webm' | 'ogg' | 'mp3' | 'mp4' | 'flac';

export interface DetectedAudio {
  format: AudioFormat;
  mimeType: string;
}

/**
 * Enough to see two consecutive MPEG frames (the longest layer II/III frame is 2,881 bytes) and to look
 * past a small ID3 tag; a tag larger than this (cover art) is trusted as MP3.
 */
export const audioSniffBytes = 4096;

/**
 * The format of a recording judged from its first bytes only. Names and Content-Type headers are chosen
 * by the client and say nothing about what ffmpeg will actually parse, so they are never consulted.
 */
export function detectAudioFormat(head: Uint8Array): DetectedAudio | undefined {
  if (startsWithBytes(head, 'RIFF') && startsWithBytes(head, 'WAVE', 8)) {
    return { format: 'wav', mimeType: 'audio/wav' };
  }
  if (startsWithBytes(head, [0x1a, 0x45, 0xdf, 0xa3])) return detectMatroska(head);
  // Version 0 is the only Ogg version ever defined; the flag byte of a first page has "beginning of stream" set.
  if (startsWithBytes(head, 'OggS') && head[4] === 0 && ((head[5] ?? 0) & 0x02) !== 0) {
    return { format: 'ogg', mimeType: 'audio/ogg' };
  }
  // Block type 0 (STREAMINFO) must come first in every FLAC stream.
  if (startsWithBytes(head, 'fLaC') && ((head[4] ?? 0xff) & 0x7f) === 0) {
    return { format: 'flac', mimeType: 'audio/flac' };
  }
  if (startsWithBytes(head, 'ftyp', 4)) return detectIsoMedia(head);
  if (startsWithBytes(head, 'ID3')) return detectAfterId3(head);
  if (isMpegAudioFrameAt(head, 0)) return { format: 'mp3', mimeType: 'audio/mpeg' };
  return undefined;
}

function detectMatroska(head: Uint8Array): DetectedAudio | undefined {
  const docType = readEbmlDocType(head);
  if (docType === undefined || docType === 'webm') return { format: 'webm', mimeType: 'audio/webm' };
  if (docType === 'matroska') return { format: 'webm', mimeType: 'audio/x-matroska' };
  return undefined;
}

/** The DocType string of the EBML header, or undefined when the header runs past the sniffed bytes. */
function readEbmlDocType(head: Uint8Array): string | undefined {
  const headerSize = readVint(head, 4);
  if (!headerSize) return undefined;
  let offset = 4 + headerSize.length;
  const end = Math.min(head.length, offset + headerSize.value);
  while (offset < end) {
    const id = readVint(head, offset, true);
    if (!id) return undefined;
    const size = readVint(head, offset + id.length);
    if (!size) return undefined;
    const dataStart = offset + id.length + size.length;
    if (id.value === 0x4282) {
      if (dataStart + size.value > head.length) return undefined;
      // DocType is an ASCII string that muxers may pad with NULs.
      return ascii(head, dataStart, size.value).replace(/\0+$/, '');
    }
    offset = dataStart + size.value;
  }
  return undefined;
}

/** An EBML variable-length integer; ids keep their length marker bit, sizes drop it. */
function readVint(bytes: Uint8Array, offset: number, keepMarker = false) {
  const first = bytes[offset];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (offset + length > bytes.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[offset + i] ?? 0);
  return { value, length };
}

// Brands whose files may carry an AAC/ALAC track. Image brands (heic, avif, mif1) are deliberately absent.
const audioCapableBrands = new Set([
  'M4A ',
  'M4B ',
  'mp41',
  'mp42',
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'dash',
  '3gp4',
  '3gp5',
  '3gp6',
  '3g2a',
  'qt  ',
]);

function detectIsoMedia(head: Uint8Array): DetectedAudio | undefined {
  const boxSize = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
  if (boxSize < 16 || boxSize % 4 !== 0) return undefined;
  // The major brand sits at 8; compatible brands follow the 4-byte minor version.
  const brandOffsets = [8];
  for (let offset = 16; offset + 4 <= Math.min(boxSize, head.length); offset += 4) brandOffsets.push(offset);
  const brands = brandOffsets.map((offset) => ascii(head, offset, 4));
  return brands.some((brand) => audioCapableBrands.has(brand))
    ? { format: 'mp4', mimeType: 'audio/mp4' }
    : undefined;
}

function detectAfterId3(head: Uint8Array): DetectedAudio | undefined {
  const [, , , major, minor, flags, ...sizeBytes] = head.subarray(0, 10);
  const validTag =
    head.length >= 10 &&
    major !== undefined &&
    major >= 2 &&
    major <= 4 &&
    minor !== 0xff &&
    sizeBytes.every((byte) => byte < 0x80);
  if (!validTag) return undefined;
  const footerBytes = ((flags ?? 0) & 0x10) !== 0 ? 10 : 0;
  const tagEnd = 10 + footerBytes + sizeBytes.reduce((size, byte) => size * 128 + byte, 0);
  if (tagEnd >= head.length) return { format: 'mp3', mimeType: 'audio/mpeg' };
  // Some FLAC encoders prepend an ID3 tag too; what follows the tag decides.
  const rest = head.subarray(tagEnd);
  if (startsWithBytes(rest, 'fLaC')) return detectAudioFormat(rest);
  // Encoders may pad with zeros past the declared tag size before the first frame.
  const firstFrame = rest.findIndex((byte) => byte !== 0);
  return firstFrame === -1 || isMpegAudioFrameAt(rest, firstFrame)
    ? { format: 'mp3', mimeType: 'audio/mpeg' }
    : undefined;
}

// Bitrates in kbit/s indexed by [MPEG-1 ? 0 : 1][layer II ? 0 : 1][index]; 0 is "free format", rejected.
const bitrates = [
  [
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  [
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
];
const sampleRates = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] } as const;

/**
 * A layer II/III frame header at `offset`, confirmed by a second header right after the frame when the
 * sniffed bytes reach it: one header alone is 11 sync bits plus a few fields, which random binary can hit.
 */
function isMpegAudioFrameAt(head: Uint8Array, offset: number, confirm = true): boolean {
  const frameLength = mpegFrameLength(head, offset);
  if (frameLength === undefined) return false;
  const next = offset + frameLength;
  if (!confirm || next + 4 > head.length) return true;
  return isMpegAudioFrameAt(head, next, false);
}

function mpegFrameLength(head: Uint8Array, offset: number): number | undefined {
  if (offset + 4 > head.length) return undefined;
  const b1 = head[offset + 1] ?? 0;
  const b2 = head[offset + 2] ?? 0;
  const b3 = head[offset + 3] ?? 0;
  if (head[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const version = (b1 >> 3) & 0x03; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5, 1 reserved
  const layer = (b1 >> 1) & 0x03; // 1 = layer III, 2 = layer II
  const bitrateIndex = b2 >> 4;
  const sampleRateIndex = (b2 >> 2) & 0x03;
  const reserved = version === 1 || sampleRateIndex === 3 || (b3 & 0x03) === 2; // last: emphasis
  // Layer I is not accepted; bitrate index 15 is forbidden and 0 (free format) gives no frame length to check.
  if (reserved || (layer !== 1 && layer !== 2) || bitrateIndex === 0 || bitrateIndex === 15) return undefined;
  const isMpeg1 = version === 3;
  const bitrate = (bitrates[isMpeg1 ? 0 : 1]?.[layer === 2 ? 0 : 1]?.[bitrateIndex] ?? 0) * 1000;
  const sampleRate = sampleRates[version as 0 | 2 | 3][sampleRateIndex] ?? 0;
  const samplesPerFrame = layer === 1 && !isMpeg1 ? 576 : 1152;
  const padding = (b2 >> 1) & 0x01;
  return Math.floor((samplesPerFrame / 8) * (bitrate / sampleRate)) + padding;
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
