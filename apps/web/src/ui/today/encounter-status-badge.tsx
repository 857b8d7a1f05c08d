import type { EncounterStatus } from '@healthcare/core/encounters/encounter-schemas';
import { useTranslations } from 'next-intl';
import { Badge } from '../components/badge';

// Red where someone should look (live recording, failure), teal where the clinician has work or is done.
const tones: Record<EncounterStatus, 'neutral' | 'primary' | 'danger'> = {
  created: 'neutral',
  recording: 'danger',
  transcribing: 'neutral',
  generating: 'neutral',
  ready: 'primary',
  signed: 'primary',
  failed: 'danger',
};

export function EncounterStatusBadge({ status }: { status: EncounterStatus }) {
  const t = useTranslations('encounterList.status');
  return <Badge tone={tones[status]}>{t(status)}</Badge>;
}
