import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { FhirBundle } from '../fhir/fhir-types';
import { renderNotePdf } from '../notes/render-note-pdf';
import type { PatientRecord } from '../patients/load-patient-record';
import type { ObjectStorage } from '../storage/object-storage';
import { documentArchivePath, notePdfArchivePath } from './archive-paths';
import { notePdfContent } from './note-pdf-content';

// Already-compressed formats: deflating them again costs CPU and saves nothing.
const storedAsIs = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * The archive as a stream. Documents are opened one at a time, as the zip writer reaches them,
 * and streamed through; a note PDF is rendered just before it is written. Any failure (a missing
 * object, storage down, a size that does not match the row) errors the stream, so whoever stores
 * it keeps nothing.
 */
export function writeExportArchive(
  storage: ObjectStorage,
  record: PatientRecord,
  content: { patientData: unknown; bundle: FhirBundle; createdAt: Date },
): Readable {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  zip.on('error', (error: Error) => output.destroy(error));
  const mtime = content.createdAt;
  zip.addBuffer(Buffer.from(JSON.stringify(content.patientData, null, 2)), 'patient.json', { mtime });
  zip.addBuffer(Buffer.from(JSON.stringify(content.bundle, null, 2)), 'fhir-bundle.json', { mtime });

  for (const document of record.documents) {
    zip.addReadStreamLazy(
      documentArchivePath(document),
      { mtime: document.createdAt, size: document.bytes, compress: !storedAsIs.has(document.mimeType) },
      (callback) => {
        storage.get(document.objectKey).then(
          (object) => callback(null, object.body),
          (error: unknown) => callback(error, Readable.from([])),
        );
      },
    );
  }
  for (const entry of record.notes) {
    const encounter = record.encounters.find((candidate) => candidate.id === entry.note.encounterId);
    if (!entry.note.signedAt || !encounter) continue;
    zip.addReadStreamLazy(
      notePdfArchivePath(entry.note, encounter),
      { mtime: entry.note.signedAt },
      (callback) => {
        renderNotePdf(notePdfContent(record, entry, encounter)).then(
          (pdf) => callback(null, Readable.from([pdf])),
          (error: unknown) => callback(error, Readable.from([])),
        );
      },
    );
  }
  zip.end();
  return output;
}
