import { EncounterScreen } from '../../../../ui/encounters/encounter-screen';
import { localizedTitle } from '../../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.encounter.pageTitle);

export default async function EncounterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EncounterScreen id={id} />;
}
