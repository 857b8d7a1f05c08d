'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import { useState } from 'react';
import { ApiProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { problemMessage } from '../forms/describe-problem';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
import { formatClock } from './format-clock';
import { useChunkUpload } from './use-chunk-upload';
import { useRecorder } from './use-recorder';

/** Record, pause, resume and stop; every chunk goes through IndexedDB to the chunk API. */
export function RecorderPanel({
  encounter,
  onEncounter,
}: {
  encounter: Encounter;
  onEncounter: (encounter: Encounter) => void;
}) {
  const { t } = useI18n();
  const upload = useChunkUpload(encounter.id, onEncounter);
  // After a reload, chunks still in this browser come after those the server has: never reuse a number.
  const firstSeq = Math.max(encounter.audio.chunksReceived, upload.state.highestKeptSeq + 1);
  const recorder = useRecorder(upload.enqueue, firstSeq);
  const [fileProblem, setFileProblem] = useState<ApiProblem | undefined>();
  const [sendingFile, setSendingFile] = useState(false);

  const canRecord =
    (encounter.status === 'created' || encounter.status === 'recording') && !upload.state.finished;
  const active = recorder.status === 'recording' || recorder.status === 'paused';

  const stop = async () => {
    const chunkCount = await recorder.stop();
    if (chunkCount > 0) await upload.finish(chunkCount);
  };

  const sendFile = async (file: File) => {
    setSendingFile(true);
    setFileProblem(undefined);
    try {
      onEncounter(
        await callApi<Encounter>('PUT', `/encounters/${encodeURIComponent(encounter.id)}/audio`, {
          rawBody: file,
        }),
      );
    } catch (error) {
      if (error instanceof ApiProblem) setFileProblem(error);
    } finally {
      setSendingFile(false);
    }
  };

  return (
    <section className="card recorder" aria-labelledby="recorder-title">
      <h2 id="recorder-title">{t.encounter.recorder}</h2>
      <div className="recorder-controls">
        {!active ? (
          <button
            type="button"
            className="button button--primary button--record"
            onClick={() => void recorder.start()}
            disabled={!canRecord || recorder.status === 'starting' || recorder.status === 'stopped'}
          >
            <span className="record-dot" aria-hidden="true" /> {t.encounter.record}
          </button>
        ) : (
          <>
            {recorder.status === 'recording' ? (
              <button type="button" className="button button--primary" onClick={() => void recorder.pause()}>
                {t.encounter.pause}
              </button>
            ) : (
              <button type="button" className="button button--primary" onClick={recorder.resume}>
                {t.encounter.resume}
              </button>
            )}
            <button type="button" className="button button--danger" onClick={() => void stop()}>
              {t.encounter.stop}
            </button>
          </>
        )}
        <span className="recorder-timer" aria-label={t.encounter.elapsed} role="timer">
          {formatClock(recorder.elapsedMs / 1000)}
        </span>
        <div
          className="level-meter"
          role="meter"
          aria-label={t.encounter.level}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(recorder.level * 100)}
        >
          <div className="level-meter-fill" style={{ width: `${Math.round(recorder.level * 100)}%` }} />
        </div>
      </div>
      {recorder.status === 'failed' ? (
        <p role="alert" className="form-error">
          {t.encounter.micFailed}
        </p>
      ) : null}
      <p className="muted upload-status" role="status">
        {interpolate(t.encounter.uploaded, { count: String(upload.state.uploaded) })}
        {upload.state.pending > 0
          ? ` · ${interpolate(t.encounter.pending, { count: String(upload.state.pending) })}`
          : null}
      </p>
      {upload.state.waitingForNetwork && upload.state.pending > 0 ? (
        <p role="alert" className="notice">
          {t.encounter.offline}
        </p>
      ) : null}
      {upload.state.failure ? (
        <p role="alert" className="form-error">
          {interpolate(t.encounter.uploadFailed, { detail: problemMessage(upload.state.failure, t) })}
        </p>
      ) : null}
      {encounter.status === 'created' && !active && recorder.status !== 'stopped' ? (
        <div className="file-upload">
          <label htmlFor="encounter-audio-file">{t.encounter.uploadFile}</label>
          <input
            id="encounter-audio-file"
            type="file"
            accept="audio/*"
            disabled={sendingFile}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void sendFile(file);
            }}
          />
          {sendingFile ? <p role="status">{t.encounter.uploadingFile}</p> : null}
          {fileProblem ? (
            <p role="alert" className="form-error">
              {problemMessage(fileProblem, t)}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
