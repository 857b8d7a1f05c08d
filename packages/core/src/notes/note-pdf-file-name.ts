/** No patient name in the file name: downloads folders and mail attachments show it to anyone. */
export function notePdfFileName(encounter: { id: string; createdAt: Date }): string {
  return `note-${encounter.createdAt.toISOString().slice(0, 10)}-${encounter.id.slice(0, 8)}.pdf`;
}
