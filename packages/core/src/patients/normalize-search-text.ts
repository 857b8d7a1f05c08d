/** "  João  da SILVA " → "joao da silva": what name search compares, on both sides. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "123.456.789-09" → "12345678909": documents match however they were punctuated. */
export function normalizeDocumentId(documentId: string): string {
  return documentId.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}
