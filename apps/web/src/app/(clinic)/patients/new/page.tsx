import { getTranslations } from 'next-intl/server';
import { Card } from '../../../../ui/components/card';
import { PageHeading } from '../../../../ui/layout/page-heading';
import { localizedTitle } from '../../../../ui/layout/page-title';
import { BackToPatientsLink } from '../../../../ui/patients/back-to-patients-link';
import { NewPatientForm } from '../../../../ui/patients/new-patient-form';

export const generateMetadata = localizedTitle((t) => t.patient.newTitle);

export default async function NewPatientPage() {
  const t = await getTranslations('patient');
  return (
    <div className="max-w-3xl">
      <BackToPatientsLink />
      <PageHeading title={t('newTitle')} />
      <Card>
        <NewPatientForm />
      </Card>
    </div>
  );
}
