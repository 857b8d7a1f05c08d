'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import type { EncounterTranscript } from '@healthcare/core/transcripts/transcript-schemas';
import { useCallback, useRef, useState } from 'react';
import { callApi } from '../api/call-api';

type Segment = EncounterTranscript['segments'][number];

export type PlayerState =
  { status: 'idle' } | { status: 'playing'; start: number } | { status: 'unavailable' };

/**
 * Plays the recording from a statement's first evidence segment: the uploaded file at the
 * segment's time, or for a live recording the chunk that holds it (then the chunks after it).
 * Segments that arrived live carry no chunk position, so the transcript is fetched once for it.
 */
export function useEvidencePlayer(encounter: Pick<Encounter, 'id' | 'audio'>, segments: readonly Segment[]) {
  const audio = useRef<HTMLAudioElement>(null);
  const [state, setState] = useState<PlayerState>({ status: 'idle' });
  const positions = useRef<Map<string, Segment['chunk']>>(new Map());
  const playingChunk = useRef<number | undefined>(undefined);
  const base = `/api/v1/encounters/${encodeURIComponent(encounter.id)}/audio`;

  const chunkOf = useCallback(
    async (segment: Segment) => {
      if (segment.chunk !== undefined) return segment.chunk;
      if (!positions.current.has(segment.id)) {
        const transcript = await callApi<EncounterTranscript>(
          'GET',
          `/encounters/${encodeURIComponent(encounter.id)}/transcript`,
        );
        positions.current = new Map(transcript.segments.map((item) => [item.id, item.chunk ?? null]));
      }
      return positions.current.get(segment.id) ?? null;
    },
    [encounter.id],
  );

  const start = useCallback((src: string, seconds: number) => {
    const element = audio.current;
    if (!element) return;
    element.src = src;
    const seek = () => {
      element.currentTime = seconds;
      void element.play().catch(() => undefined);
    };
    element.addEventListener('loadedmetadata', seek, { once: true });
    element.load();
  }, []);

  const playEvidence = useCallback(
    async (evidence: readonly string[]) => {
      const cited = segments.filter((segment) => evidence.includes(segment.id));
      const first = cited.reduce<Segment | undefined>(
        (earliest, segment) => (!earliest || segment.start < earliest.start ? segment : earliest),
        undefined,
      );
      if (!first) return;
      try {
        if (encounter.audio.source === 'upload') {
          playingChunk.current = undefined;
          start(base, first.start);
        } else {
          const chunk = await chunkOf(first);
          if (!chunk) return setState({ status: 'unavailable' });
          playingChunk.current = chunk.seq;
          start(`${base}/chunks/${chunk.seq}`, chunk.offset);
        }
        setState({ status: 'playing', start: first.start });
      } catch {
        setState({ status: 'unavailable' });
      }
    },
    [base, chunkOf, encounter.audio.source, segments, start],
  );

  /** A live chunk lasts a few seconds: the next one follows, as the recording did. */
  const onEnded = useCallback(() => {
    const seq = playingChunk.current;
    if (seq === undefined || seq + 1 >= encounter.audio.chunksReceived) return;
    playingChunk.current = seq + 1;
    start(`${base}/chunks/${seq + 1}`, 0);
  }, [base, encounter.audio.chunksReceived, start]);

  return { audio, state, playEvidence, onEnded };
}
