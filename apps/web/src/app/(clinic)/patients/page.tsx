import Link from 'next/link';
import { getRequestDictionary } from '../../../ui/i18n/request-locale';
import { localizedTitle } from '../../../ui/layout/page-title';
import { PatientList } from '../../../ui/patients/patient-list';

export const generateMetadata = localizedTitle((t) => t.patients.pageTitle);

export default async function PatientsPage() {
  const t = await getRequestDictionary();
  return (
    <>
      <div className="page-heading">
        <h1>{t.patients.title}</h1>
        <Link href="/patients/new" className="button button--primary">
          {t.patients.newPatient}
        </Link>
      </div>
      <PatientList />
    </>
  );
}
