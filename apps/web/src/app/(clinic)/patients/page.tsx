import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Button } from '../../../ui/components/button';
import { PageHeading } from '../../../ui/layout/page-heading';
import { localizedTitle } from '../../../ui/layout/page-title';
import { PatientList } from '../../../ui/patients/patient-list';

export const generateMetadata = localizedTitle((t) => t.patients.pageTitle);

export default async function PatientsPage() {
  const t = await getTranslations('patients');
  return (
    <>
      <PageHeading
        title={t('title')}
        actions={
          <Button variant="primary" asChild>
            <Link href="/patients/new">{t('newPatient')}</Link>
          </Button>
        }
      />
      <PatientList />
    </>
  );
}
