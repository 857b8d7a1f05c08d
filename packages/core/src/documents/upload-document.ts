import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { documents } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { assertPatientInClinic } from '../patients/assert-patient-in-clinic';
import { AppError } from '../errors/app-error';
import { detectDocumentFormat, documentSniffBytes } from '../media/detect-document-format';
import { sniffStream } from '../media/sniff-stream';
import type { ObjectStorage } from '../storage/object-storage';
import { objectKeys } from '../uploads/object-keys';
import { toUploadError, tooLargeBeforeReading } from '../uploads/storage-errors';
import { toDocument, type PatientDocument } from './document-schemas';
import { sanitizeFileName } from './sanitize-file-name';

/** An exam result or other file for the patient's record: type by magic bytes, streamed to storage. */
export async function uploadDocument(
  deps: { db: Database; storage: ObjectStorage; maxBytes: number },
  actor: Actor,
  patientId: string,
  upload: { body: Readable; fileName: string | undefined; declaredBytes?: number; signal?: AbortSignal },
): Promise<PatientDocument> {
  await withTenant(deps.db, actor.clinicId, async (tx) => {
    await assertPatientInClinic(tx, actor.clinicId, patientId);
  });
  tooLargeBeforeReading(upload.declaredBytes, deps.maxBytes, 'The document');

  const { head, stream } = await sniffStream(upload.body, documentSniffBytes);
  const detected = detectDocumentFormat(head);
  if (!detected) {
    stream.destroy();
    throw new AppError(
      'unsupported_media_type',
      'This file type is not accepted. Upload a PDF, PNG, JPEG, WebP or plain text file.',
    );
  }
  const documentId = randomUUID();
  const key = objectKeys.document(actor.clinicId, patientId, documentId);
  const stored = await deps.storage
    .put(key, stream, {
      contentType: detected.mimeType,
      maxBytes: deps.maxBytes,
      ...(upload.signal ? { signal: upload.signal } : {}),
    })
    .catch((error: unknown) => {
      throw toUploadError(error, 'The document');
    });

  try {
    return await withTenant(deps.db, actor.clinicId, async (tx) => {
      const [row] = await tx
        .insert(documents)
        .values({
          id: documentId,
          clinicId: actor.clinicId,
          patientId,
          fileName: sanitizeFileName(upload.fileName, detected.mimeType),
          // The type it is served with: text is always text/plain, never what the uploader claimed.
          mimeType: detected.contentType,
          bytes: stored.size,
          sha256: stored.sha256,
          objectKey: key,
          uploadedBy: actor.userId,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await recordAuditEvents(tx, actor, [
        {
          action: 'document.create',
          resourceType: 'document',
          resourceId: row.id,
          patientId,
          details: { bytes: stored.size },
        },
      ]);
      return toDocument(row);
    });
  } catch (error) {
    // The patient may have been erased meanwhile: the object must not outlive its row.
    await deps.storage.delete(key).catch(() => undefined);
    throw error;
  }
}
