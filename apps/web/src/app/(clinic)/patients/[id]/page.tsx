import { localizedTitle } from '../../../../ui/layout/page-title';
import { PatientDetails } from '../../../../ui/patients/patient-details';

// The patient's name stays out of the title: titles end up in browser history and shared screens.
export const generateMetadata = localizedTitle((t) => t.patient.editTitle);

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PatientDetails id={id} />;
}
