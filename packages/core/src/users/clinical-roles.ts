/** Who may read and write clinical content (recordings, transcripts, notes); `staff` may not. */
export const clinicalRoles = ['admin', 'clinician'] as const;
