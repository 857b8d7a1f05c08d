'use client';

import type { NoteView } from '@healthcare/core/notes/note-schemas';
import { useEffect, useId, useRef, useState } from 'react';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
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
  const { t } = useI18n();
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
      className={openFlags.length > 0 ? 'statement statement-flagged' : 'statement'}
      onMouseEnter={highlight}
      onMouseLeave={clear}
      onFocus={highlight}
      onBlur={clear}
    >
      {editing ? (
        <div className="statement-editor">
          <label htmlFor={textId} className="visually-hidden">
            {t.encounter.editLabel}
          </label>
          <textarea
            id={textId}
            ref={textarea}
            value={draft}
            rows={Math.max(2, Math.ceil(draft.length / 70))}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="statement-actions">
            <span className="muted" role="status">
              {saveState === 'saving' ? t.encounter.saving : saveState === 'saved' ? t.encounter.saved : ''}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setEditing(false);
                onEditing(false);
              }}
            >
              {t.encounter.done}
            </button>
          </div>
        </div>
      ) : (
        <p
          className="statement-text"
          tabIndex={0}
          onClick={playable ? () => onPlay?.(item.evidence) : undefined}
          aria-describedby={openFlags.length > 0 ? `${textId}-flags` : undefined}
        >
          {item.text}
          <span className="visually-hidden">
            {' '}
            (
            {item.evidence.length > 0
              ? interpolate(t.encounter.evidence, { count: String(item.evidence.length) })
              : t.encounter.noEvidence}
            )
          </span>
        </p>
      )}
      {openFlags.length > 0 ? (
        <ul className="flags" id={`${textId}-flags`}>
          {openFlags.map((flag, index) => (
            <li key={`${flag.kind}-${index}`} className="flag">
              <span className="flag-message">{flag.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {(editable || playable) && !editing ? (
        <div className="statement-actions">
          {playable ? (
            <button type="button" className="button button--small" onClick={() => onPlay?.(item.evidence)}>
              <span aria-hidden="true">▶ </span>
              {interpolate(t.encounter.play, { time: evidenceStart ?? '' })}
            </button>
          ) : null}
          {editable ? (
            <button type="button" className="button button--small" onClick={startEditing}>
              {t.encounter.edit}
            </button>
          ) : null}
          {editable && openFlags.length > 0 ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => void onChange({ sectionKey, itemId: item.id, acknowledgeFlags: true })}
            >
              {t.encounter.acknowledge}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
