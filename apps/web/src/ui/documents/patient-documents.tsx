'use client';

import type { PatientDocument } from '@healthcare/core/documents/document-schemas';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { ApiProblem, SessionExpired } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { buttonClasses } from '../components/button';
import { CardSection } from '../components/card';
import { cn } from '../components/cn';
import { ErrorNotice } from '../forms/form-message';
import { useProblemMessage } from '../forms/use-problem-message';
import { DocumentPreview } from './document-preview';

/** The patient's documents: drop files (or choose them) to upload, open one to preview it. */
export function PatientDocuments({ patientId }: { patientId: string }) {
  const t = useTranslations('documents');
  const format = useFormatter();
  const problemMessage = useProblemMessage();
  const [documents, setDocuments] = useState<PatientDocument[]>([]);
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState(0);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [preview, setPreview] = useState<PatientDocument | undefined>();
  const base = `/patients/${encodeURIComponent(patientId)}/documents`;

  const load = useCallback(
    () =>
      callApi<{ items: PatientDocument[] }>('GET', base).then(
        (list) => setDocuments(list.items),
        () => undefined,
      ),
    [base],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const upload = async (files: File[]) => {
    setProblem(undefined);
    for (const file of files) {
      setUploading((count) => count + 1);
      try {
        await callApi('POST', base, {
          rawBody: file,
          headers: { 'x-filename': encodeURIComponent(file.name) },
        });
      } catch (error) {
        if (error instanceof SessionExpired) return;
        if (error instanceof ApiProblem) setProblem(error);
      } finally {
        setUploading((count) => count - 1);
      }
    }
    await load();
  };

  return (
    <CardSection aria-labelledby="patient-documents-title">
      <h2 id="patient-documents-title" className="mb-4">
        {t('title')}
      </h2>
      {/* `drop-zone` names the target for the e2e tests, which drop files on it. */}
      <div
        className={cn(
          'drop-zone flex flex-col items-center gap-2 rounded-card border-2 border-dashed px-4 py-6 text-center transition-colors focus-within:border-primary',
          dragging ? 'border-primary bg-primary-soft' : 'border-border bg-bg',
        )}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void upload([...event.dataTransfer.files]);
        }}
      >
        <p>{t('dropHere')}</p>
        {/* The label is the visible button; the file input stays in the tab order, visually hidden. */}
        <label
          htmlFor="patient-document-file"
          className={cn(
            buttonClasses('secondary'),
            'has-[+input:focus-visible]:outline-3 has-[+input:focus-visible]:outline-focus',
          )}
        >
          {t('choose')}
        </label>
        <input
          id="patient-document-file"
          className="sr-only"
          type="file"
          multiple
          accept="application/pdf,image/png,image/jpeg,image/webp,text/plain"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void upload(files);
          }}
        />
        <p className="text-sm text-muted">{t('accepted')}</p>
      </div>
      {uploading > 0 ? (
        <p role="status" className="mt-3">
          {t('uploading')}
        </p>
      ) : null}
      {problem ? <ErrorNotice className="mt-3">{problemMessage(problem)}</ErrorNotice> : null}
      {documents.length === 0 ? (
        <p className="mt-4 text-muted">{t('empty')}</p>
      ) : (
        <ul className="mt-4 flex flex-col divide-y divide-border">
          {documents.map((document) => (
            <li
              key={document.id}
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2"
            >
              {/* Text and other types never open inline (the server sends them as attachments). */}
              {previewable(document) ? (
                <button
                  type="button"
                  className="cursor-pointer text-left font-medium break-all text-primary underline underline-offset-2 hover:text-primary-hover"
                  onClick={() => setPreview(document)}
                >
                  {document.fileName}
                </button>
              ) : (
                <a href={`/api/v1/documents/${document.id}/content`}>{document.fileName}</a>
              )}
              <span className="text-sm text-muted">
                {format.dateTime(new Date(document.createdAt), { dateStyle: 'medium' })} ·{' '}
                {format.number(document.bytes / 1024, { maximumFractionDigits: 1 })} KB
              </span>
            </li>
          ))}
        </ul>
      )}
      <DocumentPreview document={preview} onClose={() => setPreview(undefined)} />
    </CardSection>
  );
}

const previewable = (document: PatientDocument) =>
  document.mimeType === 'application/pdf' || document.mimeType.startsWith('image/');
