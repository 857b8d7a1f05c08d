'use client';

import type { NoteView } from '@healthcare/core/notes/note-schemas';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { Badge } from '../components/badge';
import { Button } from '../components/button';
import { cn } from '../components/cn';
import { Textarea } from '../components/textarea';
import { Tooltip } from '../components/tooltip';
import type { ItemChange } from './use-note';

type Item = NoteView['sections'][number]['items'][number];

const autosaveDelayMs = 800;

/**
 * One statement of the note. Hovering or focusing it highlights its evidence in the transcript;
 * its open flags offer "edit" and "acknowledge"; edits save themselves shortly after typing stops.
 */
export function NoteStatement({
  sectionKey,
  item,
  editable,
  onHighlight,
  onPlay,
  evidenceStart,
  onChange,
  onEditing,
}: {
  sectionKey: string;
  item: Item;
  editable: boolean;
  onHighlight: (evidence: readonly string[]) => void;
  /** Plays the recording from the first evidence segment; absent when there is nothing to play. */
  onPlay?: (evidence: readonly string[]) => void;
  /** The first evidence segment's time, as the play button says it. */
  evidenceStart?: string | undefined;
  onChange: (change: ItemChange) => Promise<boolean>;
  onEditing: (editing: boolean) => void;
}) {
  const t = useTranslations('encounter');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.text);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const textId = useId();
  const openFlags = item.flags.filter((flag) => !flag.acknowledged);

  useEffect(() => {
    if (!editing) setDraft(item.text);
  }, [item.text, editing]);

  useEffect(() => {
    if (!editing || draft.trim() === item.text || draft.trim() === '') return;
    const timer = setTimeout(() => {
      setSaveState('saving');
      void onChange({ sectionKey, itemId: item.id, text: draft.trim() }).then((ok) =>
        setSaveState(ok ? 'saved' : 'idle'),
      );
    }, autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [draft, editing, item.id, item.text, onChange, sectionKey]);

  const startEditing = () => {
    setEditing(true);
    onEditing(true);
    setSaveState('idle');
    requestAnimationFrame(() => textarea.current?.focus());
  };

  const highlight = () => onHighlight(item.evidence);
  const playable = onPlay !== undefined && evidenceStart !== undefined;
  const clear = () => onHighlight([]);

  return (
    <li
      // The marker the statements are found by in tests; the look comes from the classes.
      data-statement={item.id}
      className={cn(
        'rounded-md border border-transparent px-2.5 py-1.5 transition-colors hover:border-border hover:bg-bg focus-within:border-border focus-within:bg-bg',
        openFlags.length > 0 && 'border-l-[3px] border-l-[#b26a00]',
      )}
      onMouseEnter={highlight}
      onMouseLeave={clear}
      onFocus={highlight}
      onBlur={clear}
    >
      {editing ? (
        <div className="flex flex-col gap-2">
          <label htmlFor={textId} className="sr-only">
            {t('editLabel')}
          </label>
          <Textarea
            id={textId}
            ref={textarea}
            value={draft}
            rows={Math.max(2, Math.ceil(draft.length / 70))}
            className="min-h-0"
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="flex items-center justify-end gap-2">
            <span className="text-sm text-muted" role="status">
              {saveState === 'saving' ? t('saving') : saveState === 'saved' ? t('saved') : ''}
            </span>
            <Button
              size="sm"
              onClick={() => {
                setEditing(false);
                onEditing(false);
              }}
            >
              {t('done')}
            </Button>
          </div>
        </div>
      ) : (
        <p
          className={cn('rounded-sm', playable && 'cursor-pointer')}
          tabIndex={0}
          onClick={playable ? () => onPlay?.(item.evidence) : undefined}
          aria-describedby={openFlags.length > 0 ? `${textId}-flags` : undefined}
        >
          {item.text}
          <span className="sr-only">
            {' '}
            ({item.evidence.length > 0 ? t('evidence', { count: item.evidence.length }) : t('noEvidence')})
          </span>
        </p>
      )}
      {openFlags.length > 0 ? (
        <ul
          className="m-0 mt-1.5 flex list-none flex-col gap-1 p-0 text-[0.9rem] text-[#5f3700]"
          id={`${textId}-flags`}
          aria-label={t('flags')}
        >
          {openFlags.map((flag, index) => (
            <li key={`${flag.kind}-${index}`} className="flex flex-wrap items-center gap-2">
              <Tooltip content={t(`flagHelp.${flag.kind}`)}>
                {/* Focusable, so the explanation also opens from the keyboard. */}
                <Badge tone="danger" tabIndex={0} className="cursor-help text-xs">
                  <span aria-hidden="true">⚠</span>
                  <span>{t(`flagKinds.${flag.kind}`)}</span>
                </Badge>
              </Tooltip>
              <span>{flag.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {(editable || playable) && !editing ? (
        <div className="mt-1.5 flex flex-wrap items-center justify-end gap-2">
          {playable ? (
            <Button size="sm" variant="ghost" onClick={() => onPlay?.(item.evidence)}>
              <span aria-hidden="true">▶ </span>
              {t('play', { time: evidenceStart ?? '' })}
            </Button>
          ) : null}
          {editable ? (
            <Button size="sm" onClick={startEditing}>
              {t('edit')}
            </Button>
          ) : null}
          {editable && openFlags.length > 0 ? (
            <Button
              size="sm"
              onClick={() => void onChange({ sectionKey, itemId: item.id, acknowledgeFlags: true })}
            >
              {t('acknowledge')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
