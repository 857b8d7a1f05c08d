/** Languages a note can be written in; section titles exist in the first two, Spanish falls back to English. */
export type NoteLanguage = 'pt-BR' | 'en' | 'es';

export interface LocalizedText {
  'pt-BR': string;
  en: string;
  es?: string;
}

export interface NoteTemplateSection {
  /** Stable identifier of the section inside the note (`subjective`, `plan`, …). */
  key: string;
  title: LocalizedText;
  /** What belongs in the section, told to the model. */
  instructions: LocalizedText;
}

export interface NoteTemplate {
  key: string;
  name: LocalizedText;
  sections: NoteTemplateSection[];
}

export function localize(text: LocalizedText, language: string): string {
  if (language === 'pt-BR' || language.startsWith('pt')) return text['pt-BR'];
  if (language.startsWith('es')) return text.es ?? text.en;
  return text.en;
}
