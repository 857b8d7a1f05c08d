'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { useProblemMessage } from '../forms/use-problem-message';
import { Button } from '../components/button';
import { CardSection } from '../components/card';
import { InlineAlert } from '../components/inline-alert';
import { Input } from '../components/input';
import { Label } from '../components/label';
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
  const t = useTranslations('encounter');
  const problemMessage = useProblemMessage();
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
    <CardSection className="flex flex-col gap-4" aria-labelledby="recorder-title">
      <h2 id="recorder-title">{t('recorder')}</h2>
      <div className="flex flex-wrap items-center gap-3">
        {!active ? (
          <Button
            variant="primary"
            onClick={() => void recorder.start()}
            disabled={!canRecord || recorder.status === 'starting' || recorder.status === 'stopped'}
          >
            <span className="size-3 rounded-full bg-white" aria-hidden="true" /> {t('record')}
          </Button>
        ) : (
          <>
            {recorder.status === 'recording' ? (
              <Button variant="primary" onClick={() => void recorder.pause()}>
                {t('pause')}
              </Button>
            ) : (
              <Button variant="primary" onClick={recorder.resume}>
                {t('resume')}
              </Button>
            )}
            <Button variant="danger" onClick={() => void stop()}>
              {t('stop')}
            </Button>
          </>
        )}
        <span className="text-2xl font-semibold tabular-nums" aria-label={t('elapsed')} role="timer">
          {formatClock(recorder.elapsedMs / 1000)}
        </span>
        <div
          className="h-2.5 min-w-24 flex-1 overflow-hidden rounded-full border border-border bg-bg"
          role="meter"
          aria-label={t('level')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(recorder.level * 100)}
        >
          <div
            className="h-full bg-primary transition-[width] duration-75 ease-linear"
            style={{ width: `${Math.round(recorder.level * 100)}%` }}
          />
        </div>
      </div>
      {recorder.status === 'failed' ? <InlineAlert role="alert">{t('micFailed')}</InlineAlert> : null}
      <p className="text-sm text-muted" role="status">
        {t('uploaded', { count: upload.state.uploaded })}
        {upload.state.pending > 0 ? ` · ${t('pending', { count: upload.state.pending })}` : null}
      </p>
      {upload.state.waitingForNetwork && upload.state.pending > 0 ? (
        <InlineAlert role="alert" tone="warning">
          {t('offline')}
        </InlineAlert>
      ) : null}
      {upload.state.failure ? (
        <InlineAlert role="alert">
          {t('uploadFailed', { detail: problemMessage(upload.state.failure) })}
        </InlineAlert>
      ) : null}
      {encounter.status === 'created' && !active && recorder.status !== 'stopped' ? (
        <div className="flex flex-col gap-1.5 border-t border-border pt-4">
          <Label htmlFor="encounter-audio-file">{t('uploadFile')}</Label>
          <Input
            id="encounter-audio-file"
            type="file"
            accept="audio/*"
            disabled={sendingFile}
            className="text-sm file:mr-3 file:cursor-pointer file:rounded-md file:border file:border-border file:bg-bg file:px-3 file:py-1 file:font-medium file:text-text"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void sendFile(file);
            }}
          />
          {sendingFile ? (
            <p role="status" className="text-sm text-muted">
              {t('uploadingFile')}
            </p>
          ) : null}
          {fileProblem ? <InlineAlert role="alert">{problemMessage(fileProblem)}</InlineAlert> : null}
        </div>
      ) : null}
    </CardSection>
  );
}
