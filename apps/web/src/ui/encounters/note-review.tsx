'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import type { EncounterTranscript } from '@healthcare/core/transcripts/transcript-schemas';
import { useState } from 'react';
import { problemMessage } from '../forms/describe-problem';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
import { formatClock } from './format-clock';
import { NoteStatement } from './note-statement';
import { RegenerateNote } from './regenerate-note';
import { useEvidencePlayer } from './use-evidence-player';
import type { useNote } from './use-note';

/** The note by template section, with sign, the PDF once signed, and addenda. */
export function NoteReview({
  encounter,
  segments,
  note: noteModel,
  busy,
  onHighlight,
}: {
  encounter: Encounter;
  segments: readonly EncounterTranscript['segments'][number][];
  note: ReturnType<typeof useNote>;
  busy: boolean;
  onHighlight: (evidence: readonly string[]) => void;
}) {
  const { t, locale } = useI18n();
  const encounterId = encounter.id;
  const player = useEvidencePlayer(encounter, segments);
  const [signing, setSigning] = useState(false);
  const [addendum, setAddendum] = useState('');
  const { state } = noteModel;
  const evidenceStart = (evidence: readonly string[]) => {
    const starts = segments
      .filter((segment) => evidence.includes(segment.id))
      .map((segment) => segment.start);
    return starts.length > 0 ? formatClock(Math.min(...starts)) : undefined;
  };
  const formatDate = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

  if (state.status !== 'loaded') {
    return (
      <section className="card note" aria-labelledby="note-title">
        <h2 id="note-title">{t.encounter.note}</h2>
        {state.status === 'failed' ? (
          <p role="alert" className="form-error">
            {problemMessage(state.problem, t)}
          </p>
        ) : (
          <p className="muted" role="status">
            {busy ? t.encounter.writingNote : t.encounter.noteEmpty}
          </p>
        )}
      </section>
    );
  }

  const { note } = state;
  const signed = note.status === 'signed';

  const sign = async () => {
    setSigning(true);
    await noteModel.sign();
    setSigning(false);
  };

  return (
    <section className="card note" aria-labelledby="note-title">
      <div className="note-header">
        <h2 id="note-title">{t.encounter.note}</h2>
        <span className="muted">{interpolate(t.encounter.version, { version: String(note.version) })}</span>
      </div>
      <div className="evidence-player" hidden={player.state.status === 'idle'}>
        <audio
          ref={player.audio}
          controls
          preload="none"
          aria-label={t.encounter.playerLabel}
          onEnded={player.onEnded}
        />
        {player.state.status === 'unavailable' ? (
          <p role="status" className="muted">
            {t.encounter.audioUnavailable}
          </p>
        ) : null}
      </div>
      {noteModel.conflict ? (
        <div role="alert" className="notice notice-warning">
          <p>{t.encounter.conflict}</p>
          <button type="button" className="button button--primary" onClick={() => void noteModel.reload()}>
            {t.encounter.reloadNote}
          </button>
        </div>
      ) : null}
      {noteModel.actionProblem ? (
        <p role="alert" className="form-error">
          {problemMessage(noteModel.actionProblem, t)}
        </p>
      ) : null}
      {note.sections.map((section) => (
        <section key={section.key} className="note-section" aria-labelledby={`section-${section.key}`}>
          <h3 id={`section-${section.key}`}>{section.title}</h3>
          {section.items.length === 0 ? (
            <p className="muted">—</p>
          ) : (
            <ul className="statements">
              {section.items.map((item) => (
                <NoteStatement
                  key={item.id}
                  sectionKey={section.key}
                  item={item}
                  editable={!signed && !busy}
                  onHighlight={onHighlight}
                  {...(segments.length > 0
                    ? { onPlay: (evidence: readonly string[]) => void player.playEvidence(evidence) }
                    : {})}
                  evidenceStart={evidenceStart(item.evidence)}
                  onChange={noteModel.changeItem}
                  onEditing={(editing) => (editing ? noteModel.beginEdit() : noteModel.endEdit())}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
      {signed ? (
        <div className="signed-box">
          <p className="signed-line">
            {interpolate(t.encounter.signed, { date: formatDate(note.signedAt ?? note.updatedAt) })}
          </p>
          <a className="button button--primary" href={`/api/v1/encounters/${encounterId}/note.pdf`} download>
            {t.encounter.downloadPdf}
          </a>
          <section aria-labelledby="addenda-title">
            <h3 id="addenda-title">{t.encounter.addenda}</h3>
            <ul className="addenda">
              {note.addenda.map((item) => (
                <li key={item.id}>
                  <time className="muted">{formatDate(item.createdAt)}</time> {item.text}
                </li>
              ))}
            </ul>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (addendum.trim())
                  void noteModel.addAddendum(addendum.trim()).then((ok) => ok && setAddendum(''));
              }}
            >
              <label htmlFor="addendum-text">{t.encounter.addendumLabel}</label>
              <textarea
                id="addendum-text"
                value={addendum}
                onChange={(event) => setAddendum(event.target.value)}
              />
              <button type="submit" className="button button--primary">
                {t.encounter.addAddendum}
              </button>
            </form>
          </section>
        </div>
      ) : (
        <div className="sign-box">
          {note.openFlags > 0 ? (
            <p className="notice" id="open-flags">
              {interpolate(t.encounter.openFlags, { count: String(note.openFlags) })}
            </p>
          ) : null}
          <button
            type="button"
            className="button button--primary"
            onClick={() => void sign()}
            disabled={signing || note.openFlags > 0 || busy}
            aria-describedby={note.openFlags > 0 ? 'open-flags' : undefined}
          >
            {signing ? t.encounter.signing : t.encounter.sign}
          </button>
          <RegenerateNote encounter={encounter} disabled={busy} />
        </div>
      )}
    </section>
  );
}
