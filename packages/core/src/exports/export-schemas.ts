import { z } from 'zod';

export const patientExportSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    createdAt: z.iso.datetime(),
    bytes: z.number().int(),
    sha256: z.string().describe('Hex SHA-256 of the archive'),
    download: z.string().describe('The path that downloads the archive (GET, same credentials)'),
  })
  .meta({ id: 'PatientExport' });
export type PatientExport = z.infer<typeof patientExportSchema>;

export const patientExportParams = z.strictObject({
  id: z.uuid().describe('The patient id'),
  exportId: z.uuid().describe('The export id'),
});
