import type { EvalReport, EvalRow } from './run-eval';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The report as a plain-text table, one row per consultation and one for all of them. */
export function formatEvalReport(report: EvalReport): string {
  const withNotes = report.rows.some((row) => row.note);
  const header =
    `${'consultation'.padEnd(16)}${'lang'.padEnd(7)}${'audio s'.padStart(9)}${'RTF'.padStart(7)}` +
    `${'words'.padStart(7)}${'S/D/I'.padStart(13)}${'WER'.padStart(9)}` +
    (withNotes ? `${'items'.padStart(7)}${'with evidence'.padStart(15)}${'flags'.padStart(7)}` : '');
  const line = (
    name: string,
    language: string,
    row: Omit<EvalRow, 'id' | 'title' | 'language' | 'hypothesis'>,
  ) => {
    const { words, note } = row;
    return (
      `${name.padEnd(16)}${language.padEnd(7)}${row.audioSec.toFixed(1).padStart(9)}` +
      `${(row.transcribeSec / row.audioSec).toFixed(2).padStart(7)}${String(words.referenceWords).padStart(7)}` +
      `${`${words.substitutions}/${words.deletions}/${words.insertions}`.padStart(13)}${percent(words.rate).padStart(9)}` +
      (withNotes
        ? note
          ? `${String(note.items).padStart(7)}${(note.items ? percent(note.itemsWithEvidence / note.items) : '—').padStart(15)}${String(note.flags).padStart(7)}`
          : `${'—'.padStart(7)}${'—'.padStart(15)}${'—'.padStart(7)}`
        : '')
    );
  };
  return [
    header,
    ...report.rows.map((row) => line(row.id, row.language, row)),
    line('overall', '', report.overall),
  ].join('\n');
}
