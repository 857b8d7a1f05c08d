import { randomUUID } from 'node:crypto';
import { connectDatabase } from '@healthcare/core/db/database';
import { patients } from '@healthcare/core/db/schema/index';
import { withTenant } from '@healthcare/core/db/with-tenant';
import { normalizeDocumentId, normalizeSearchText } from '@healthcare/core/patients/normalize-search-text';

const firstNames = ['Ana', 'João', 'Maria', 'José', 'Lúcia', 'Pedro', 'Beatriz', 'Rafael', 'Helena', 'Tomás'];
const middleNames = ['da Silva', 'de Souza', 'Oliveira', 'Pereira', 'Lima', 'Gonçalves', 'Ribeiro', 'Araújo'];
const lastNames = ['Costa', 'Ferreira', 'Almeida', 'Carvalho', 'Rocha', 'Mendes', 'Barbosa', 'Cardoso'];
const sexes = ['female', 'male', 'other', 'unknown'] as const;

/**
 * A clinic signed up through the API (so its admin has a real access token) and `patientCount`
 * patients in the app's own table, written in batches through the app's tenant transaction with
 * the search keys the app derives: the same rows POST /patients would store, in seconds.
 */
export async function seedClinic(baseUrl: string, databaseUrl: string, patientCount: number) {
  const response = await fetch(`${baseUrl}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clinicName: 'Bench clinic',
      name: 'Bench Admin',
      email: `bench-${randomUUID()}@example.test`,
      password: 'benchmark password',
    }),
  });
  if (response.status !== 201)
    throw new Error(`signup answered ${response.status}: ${await response.text()}`);
  const session = (await response.json()) as {
    accessToken: string;
    clinic: { id: string };
    user: { id: string };
  };
  const database = connectDatabase(databaseUrl, { poolMax: 1 });
  try {
    for (let start = 0; start < patientCount; start += 500) {
      const batch = Array.from({ length: Math.min(500, patientCount - start) }, (_, offset) => {
        const n = start + offset;
        const name = `${firstNames[n % 10]} ${middleNames[Math.floor(n / 10) % 8]} ${lastNames[Math.floor(n / 80) % 8]} ${n}`;
        const documentId = `${String(100_000_000 + n).replace(/(\d{3})(\d{3})(\d{3})/, '$1.$2.$3')}-${n % 100}`;
        return {
          clinicId: session.clinic.id,
          name,
          nameSearch: normalizeSearchText(name),
          birthDate: `${1930 + (n % 90)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
          sex: sexes[n % 4]!,
          documentId,
          documentKey: normalizeDocumentId(documentId),
          phone: `+55 11 9${String(10_000_000 + n).slice(-8)}`,
          email: `patient${n}@example.test`,
          createdBy: session.user.id,
        };
      });
      await withTenant(database.db, session.clinic.id, (tx) => tx.insert(patients).values(batch));
    }
  } finally {
    await database.close();
  }
  return { accessToken: session.accessToken, clinicId: session.clinic.id };
}
