import { localizedTitle } from '../../../ui/layout/page-title';
import { TodayEncounters } from '../../../ui/today/today-encounters';

export const generateMetadata = localizedTitle((t) => t.today.pageTitle);

export default function TodayPage() {
  return <TodayEncounters />;
}
