import type { SpeechSegment } from './speech-to-text';

/**
 * Phrases Whisper invents over silence or noise: subtitle credits and sign-offs it learned from
 * its training data. Compared after normalizing case, accents and punctuation.
 */
const inventedPhrases = [
  'thank you for watching',
  'thanks for watching',
  'thank you very much for watching',
  'please subscribe',
  'subscribe to the channel',
  'like and subscribe',
  'subtitles by the amara org community',
  'legendas pela comunidade amara org',
  'legendas pela comunidade do amara org',
  'obrigado por assistir',
  'obrigada por assistir',
  'inscreva se no canal',
  'se inscreva no canal',
  'ate a proxima',
  'tchau tchau',
  'legenda adriana zanotto',
  'transcricao e legendas pela comunidade amara org',
  'subtitulos realizados por la comunidad de amara org',
  'gracias por ver el video',
];

const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const inventedSet = new Set(inventedPhrases);

/** How many identical segments in a row make a loop rather than a patient repeating themselves. */
const maxRepeats = 2;

/**
 * Removes invented phrases, empty segments and repetition loops (the same segment over and over,
 * or one phrase repeated inside a segment), keeping everything a person plausibly said.
 */
export function filterHallucinations(segments: SpeechSegment[]): SpeechSegment[] {
  const kept: SpeechSegment[] = [];
  let repeats = 0;
  for (const segment of segments) {
    const normalized = normalize(segment.text);
    if (!normalized || inventedSet.has(normalized)) continue;
    const previous = kept.at(-1);
    if (previous && normalize(previous.text) === normalized) {
      repeats += 1;
      if (repeats >= maxRepeats) continue;
    } else {
      repeats = 0;
    }
    kept.push({ ...segment, text: collapseInnerLoop(segment.text) });
  }
  return kept;
}

/**
 * A phrase repeated five or more times in a row inside one segment ("ok ok ok ok ok…") is a decoding
 * loop; it is kept once. Fewer repetitions are left alone: people do say "não, não, não".
 */
function collapseInnerLoop(text: string): string {
  return text.replace(/(\p{L}[^\n]{0,79}?)(?:[\s,.;!?]+\1){4,}(?=[\s,.;!?]|$)/gu, '$1');
}
