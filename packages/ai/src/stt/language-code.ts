/** Whisper-style APIs take ISO 639-1 codes: "pt-BR" → "pt". */
export function toIso639_1(language: string | undefined): string | undefined {
  return language?.split(/[-_]/)[0]?.toLowerCase() || undefined;
}
