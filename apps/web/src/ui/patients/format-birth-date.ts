import type { useFormatter } from 'next-intl';

/** `1984-03-17` as the reader writes dates: 17/03/1984 in Portuguese, 03/17/1984 in English. */
export function formatBirthDate(isoDate: string, format: ReturnType<typeof useFormatter>): string {
  // A calendar date, not an instant: read and written in UTC so no time zone shifts the day.
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return format.dateTime(date, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
}
