import { getRequestDictionary } from '../../../../ui/i18n/request-locale';
import { localizedTitle } from '../../../../ui/layout/page-title';
import { BackToPatientsLink } from '../../../../ui/patients/back-to-patients-link';
import { NewPatientForm } from '../../../../ui/patients/new-patient-form';

export const generateMetadata = localizedTitle((t) => t.patient.newTitle);

export default async function NewPatientPage() {
  const t = await getRequestDictionary();
  return (
    <>
      <BackToPatientsLink />
      <h1>{t.patient.newTitle}</h1>
      <section className="card">
        <NewPatientForm />
      </section>
    </>
  );
}
