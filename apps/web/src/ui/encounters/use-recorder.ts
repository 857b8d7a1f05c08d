'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type RecorderStatus = 'idle' | 'starting' | 'recording' | 'paused' | 'stopped' | 'failed';

/** Seconds of audio per chunk: short enough that a drop loses little, long enough to transcribe well. */
export const chunkSeconds = 5;

interface Session {
  stream: MediaStream;
  audioContext: AudioContext;
  analyser: AnalyserNode;
  recorder: MediaRecorder | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  nextSeq: number;
  /** Resolves when the recorder in flight has handed over its chunk. */
  flushed: Promise<void>;
}

/**
 * Microphone capture cut into self-contained chunks. A MediaRecorder timeslice only puts the
 * WebM header in the first slice, so each chunk comes from its own recorder on the same stream:
 * every chunk decodes on its own, whichever order the server receives them in.
 */
export function useRecorder(onChunk: (seq: number, blob: Blob) => Promise<void>, firstSeq: number) {
  const [status, setStatus] = useState<RecorderStatus>('idle');
  const [elapsedMs, setElapsedMs] = useState(0);
  const [level, setLevel] = useState(0);
  const session = useRef<Session | undefined>(undefined);
  const onChunkRef = useRef(onChunk);
  onChunkRef.current = onChunk;
  const clock = useRef({ since: 0, before: 0 });

  const startRecorder = useCallback((current: Session) => {
    const mimeType = MediaRecorder.isTypeSupported('audio/webm;codecs=opus') ? 'audio/webm;codecs=opus' : '';
    const recorder = new MediaRecorder(current.stream, mimeType ? { mimeType } : {});
    const parts: Blob[] = [];
    const seq = current.nextSeq++;
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) parts.push(event.data);
    };
    // Chained, so that stop() waits for every chunk still being handed over, not just the last.
    current.flushed = Promise.all([
      current.flushed,
      new Promise<void>((resolve) => {
        recorder.onstop = () => {
          const type = (recorder.mimeType || 'audio/webm').split(';')[0]!;
          const blob = new Blob(parts, { type });
          void (blob.size > 0 ? onChunkRef.current(seq, blob) : Promise.resolve()).finally(resolve);
        };
      }),
    ]).then(() => undefined);
    recorder.start();
    current.recorder = recorder;
    current.timer = setTimeout(() => {
      if (session.current !== current || recorder.state !== 'recording') return;
      recorder.stop();
      startRecorder(current);
    }, chunkSeconds * 1_000);
  }, []);

  const stopRecorder = (current: Session) => {
    clearTimeout(current.timer);
    if (current.recorder?.state === 'recording') current.recorder.stop();
    current.recorder = undefined;
    return current.flushed;
  };

  const start = useCallback(async () => {
    setStatus('starting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true } });
      const audioContext = new AudioContext();
      const analyser = audioContext.createAnalyser();
      analyser.fftSize = 512;
      audioContext.createMediaStreamSource(stream).connect(analyser);
      const current: Session = {
        stream,
        audioContext,
        analyser,
        recorder: undefined,
        timer: undefined,
        nextSeq: firstSeq,
        flushed: Promise.resolve(),
      };
      session.current = current;
      clock.current = { since: performance.now(), before: 0 };
      startRecorder(current);
      setStatus('recording');
    } catch (error) {
      console.error(error);
      setStatus('failed');
    }
  }, [firstSeq, startRecorder]);

  const pause = useCallback(async () => {
    const current = session.current;
    if (!current) return;
    clock.current = { since: 0, before: clock.current.before + performance.now() - clock.current.since };
    setStatus('paused');
    await stopRecorder(current);
  }, []);

  const resume = useCallback(() => {
    const current = session.current;
    if (!current) return;
    clock.current = { since: performance.now(), before: clock.current.before };
    startRecorder(current);
    setStatus('recording');
  }, [startRecorder]);

  /** Resolves with the number of chunks once the last one is handed over. */
  const stop = useCallback(async (): Promise<number> => {
    const current = session.current;
    if (!current) return firstSeq;
    if (clock.current.since)
      clock.current = { since: 0, before: clock.current.before + performance.now() - clock.current.since };
    setStatus('stopped');
    await stopRecorder(current);
    current.stream.getTracks().forEach((track) => track.stop());
    void current.audioContext.close();
    session.current = undefined;
    setLevel(0);
    return current.nextSeq;
  }, [firstSeq]);

  useEffect(() => {
    if (status !== 'recording') return;
    let frame = 0;
    const samples = new Float32Array(512);
    const tick = () => {
      const current = session.current;
      if (current) {
        current.analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const sample of samples) sum += sample * sample;
        // RMS scaled so that ordinary speech fills most of the meter.
        setLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
      }
      setElapsedMs(clock.current.before + performance.now() - clock.current.since);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [status]);

  useEffect(
    () => () => {
      const current = session.current;
      if (!current) return;
      clearTimeout(current.timer);
      current.stream.getTracks().forEach((track) => track.stop());
      void current.audioContext.close();
    },
    [],
  );

  return { status, elapsedMs, level, start, pause, resume, stop };
}
