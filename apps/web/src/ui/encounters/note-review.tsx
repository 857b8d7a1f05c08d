'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import type { EncounterTranscript } from '@healthcare/core/transcripts/transcript-schemas';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Badge } from '../components/badge';
import { Button } from '../components/button';
import { CardSection } from '../components/card';
import { ConfirmDialog } from '../components/confirm-dialog';
import { InlineAlert } from '../components/inline-alert';
import { Label } from '../components/label';
import { Textarea } from '../components/textarea';
import { useToast } from '../components/toast';
import { useProblemMessage } from '../forms/use-problem-message';
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
  const t = useTranslations('encounter');
  const common = useTranslations('common');
  const format = useFormatter();
  const problemMessage = useProblemMessage();
  const toast = useToast();
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
    format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'short' });

  if (state.status !== 'loaded') {
    return (
      <CardSection className="flex flex-col gap-3" aria-labelledby="note-title">
        <h2 id="note-title">{t('note')}</h2>
        {state.status === 'failed' ? (
          <InlineAlert role="alert">{problemMessage(state.problem)}</InlineAlert>
        ) : (
          <p className="text-muted" role="status">
            {busy ? t('writingNote') : t('noteEmpty')}
          </p>
        )}
      </CardSection>
    );
  }

  const { note } = state;
  const signed = note.status === 'signed';

  const sign = async () => {
    setSigning(true);
    await noteModel.sign();
    setSigning(false);
  };

  const addAddendum = async () => {
    if (!addendum.trim()) return;
    if (await noteModel.addAddendum(addendum.trim())) {
      setAddendum('');
      toast({ title: t('addendumAdded') });
    }
  };

  return (
    <CardSection className="flex flex-col gap-4" aria-labelledby="note-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="note-title">{t('note')}</h2>
        <Badge>{t('version', { version: note.version })}</Badge>
      </div>
      <div className="flex flex-col gap-2" hidden={player.state.status === 'idle'}>
        <audio
          ref={player.audio}
          controls
          preload="none"
          className="w-full max-w-md"
          aria-label={t('playerLabel')}
          onEnded={player.onEnded}
        />
        {player.state.status === 'unavailable' ? (
          <p role="status" className="text-sm text-muted">
            {t('audioUnavailable')}
          </p>
        ) : null}
      </div>
      {/* Stays until the reader loads the newer version: their edit was not saved. */}
      {noteModel.conflict ? (
        <InlineAlert role="alert" tone="warning" className="flex flex-col items-start gap-3">
          <p>{t('conflict')}</p>
          <Button variant="primary" size="sm" onClick={() => void noteModel.reload()}>
            {t('reloadNote')}
          </Button>
        </InlineAlert>
      ) : null}
      {noteModel.actionProblem ? (
        <InlineAlert role="alert">{problemMessage(noteModel.actionProblem)}</InlineAlert>
      ) : null}
      {note.sections.map((section) => (
        <section
          key={section.key}
          className="flex flex-col gap-1.5"
          aria-labelledby={`section-${section.key}`}
        >
          <h3 id={`section-${section.key}`} className="m-0 text-base font-semibold text-primary-hover">
            {section.title}
          </h3>
          {section.items.length === 0 ? (
            <p className="text-muted">—</p>
          ) : (
            <ul className="m-0 flex list-none flex-col gap-1.5 p-0">
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
        <div className="flex flex-col items-start gap-4 border-t border-border pt-4">
          <p className="font-semibold text-primary-hover">
            {t('signed', { date: formatDate(note.signedAt ?? note.updatedAt) })}
          </p>
          <Button asChild variant="primary" className="text-white! hover:text-white!">
            <a href={`/api/v1/encounters/${encounterId}/note.pdf`} download>
              {t('downloadPdf')}
            </a>
          </Button>
          <section aria-labelledby="addenda-title" className="flex w-full flex-col gap-3">
            <h3 id="addenda-title" className="m-0 text-base font-semibold">
              {t('addenda')}
            </h3>
            {note.addenda.length > 0 ? (
              <ul className="m-0 flex list-none flex-col gap-2 p-0">
                {note.addenda.map((item) => (
                  <li key={item.id} className="rounded-md bg-bg px-3 py-2">
                    <time dateTime={item.createdAt} className="mr-2 text-sm text-muted">
                      {formatDate(item.createdAt)}
                    </time>
                    {item.text}
                  </li>
                ))}
              </ul>
            ) : null}
            <form
              className="flex w-full flex-col items-start gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                void addAddendum();
              }}
            >
              <Label htmlFor="addendum-text">{t('addendumLabel')}</Label>
              <Textarea
                id="addendum-text"
                value={addendum}
                onChange={(event) => setAddendum(event.target.value)}
              />
              <Button type="submit" variant="primary">
                {t('addAddendum')}
              </Button>
            </form>
          </section>
        </div>
      ) : (
        <div className="flex flex-col items-start gap-3 border-t border-border pt-4">
          {note.openFlags > 0 ? (
            <InlineAlert tone="warning" id="open-flags">
              <p>{t('openFlags', { count: note.openFlags })}</p>
            </InlineAlert>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <ConfirmDialog
              trigger={
                <Button
                  variant="primary"
                  disabled={signing || note.openFlags > 0 || busy}
                  aria-describedby={note.openFlags > 0 ? 'open-flags' : undefined}
                >
                  {signing ? t('signing') : t('sign')}
                </Button>
              }
              title={t('signConfirmTitle')}
              description={t('signConfirm')}
              confirmLabel={t('signConfirmYes')}
              cancelLabel={common('cancel')}
              onConfirm={() => void sign()}
            />
            <RegenerateNote encounter={encounter} disabled={busy} />
          </div>
        </div>
      )}
    </CardSection>
  );
}
