import { z } from 'zod';

export const documentSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    fileName: z.string(),
    mimeType: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Document' });
export type PatientDocument = z.infer<typeof documentSchema>;

export const documentListSchema = z
  .object({ items: z.array(documentSchema), nextCursor: z.null() })
  .meta({ id: 'DocumentList' });

export function toDocument(row: {
  id: string;
  patientId: string;
  fileName: string;
  mimeType: string;
  bytes: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: Date;
}): PatientDocument {
  return {
    id: row.id,
    patientId: row.patientId,
    fileName: row.fileName,
    mimeType: row.mimeType,
    bytes: row.bytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  };
}
