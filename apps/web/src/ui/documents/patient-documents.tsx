'use client';

import type { PatientDocument } from '@healthcare/core/documents/document-schemas';
import { useCallback, useEffect, useState } from 'react';
import { ApiProblem, SessionExpired } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { problemMessage } from '../forms/describe-problem';
import { useI18n } from '../i18n/i18n-provider';

/** The patient's documents: drop files (or choose them) to upload, open one to preview it. */
export function PatientDocuments({ patientId }: { patientId: string }) {
  const { t, locale } = useI18n();
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

  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const sizes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const contentUrl = (document: PatientDocument) =>
    `/api/v1/documents/${document.id}/content?disposition=inline`;

  return (
    <section className="card" aria-labelledby="patient-documents-title">
      <h2 id="patient-documents-title">{t.documents.title}</h2>
      <div
        className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
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
        <p>{t.documents.dropHere}</p>
        <label htmlFor="patient-document-file" className="button">
          {t.documents.choose}
        </label>
        <input
          id="patient-document-file"
          className="visually-hidden"
          type="file"
          multiple
          accept="application/pdf,image/png,image/jpeg,image/webp,text/plain"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void upload(files);
          }}
        />
        <p className="muted">{t.documents.accepted}</p>
      </div>
      {uploading > 0 ? <p role="status">{t.documents.uploading}</p> : null}
      {problem ? (
        <p role="alert" className="form-error">
          {problemMessage(problem, t)}
        </p>
      ) : null}
      {documents.length === 0 ? (
        <p className="muted">{t.documents.empty}</p>
      ) : (
        <ul className="document-list">
          {documents.map((document) => (
            <li key={document.id}>
              {/* Text and other types never open inline (the server sends them as attachments). */}
              {previewable(document) ? (
                <button type="button" className="button button--small" onClick={() => setPreview(document)}>
                  {document.fileName}
                </button>
              ) : (
                <a href={`/api/v1/documents/${document.id}/content`}>{document.fileName}</a>
              )}{' '}
              <span className="muted">
                {format.format(new Date(document.createdAt))} · {sizes.format(document.bytes / 1024)} KB
              </span>
            </li>
          ))}
        </ul>
      )}
      {preview ? (
        <figure className="document-preview">
          <figcaption>
            {preview.fileName} <a href={`/api/v1/documents/${preview.id}/content`}>{t.documents.download}</a>{' '}
            <button type="button" className="button button--small" onClick={() => setPreview(undefined)}>
              {t.documents.closePreview}
            </button>
          </figcaption>
          {preview.mimeType.startsWith('image/') ? (
            <img src={contentUrl(preview)} alt={preview.fileName} />
          ) : (
            <iframe src={contentUrl(preview)} title={preview.fileName} />
          )}
        </figure>
      ) : null}
    </section>
  );
}

const previewable = (document: PatientDocument) =>
  document.mimeType === 'application/pdf' || document.mimeType.startsWith('image/');
