import { useEffect, useRef, useState } from 'preact/hooks';
import { type ClipRow, parseTags } from '../../lib/clips';
import { useT } from './i18n';

export interface NoteEditorProps {
  clip: ClipRow;
  onSave: (patch: { note: string; tags: string[] }) => Promise<void>;
  onCancel: () => void;
}

export function NoteEditor({ clip, onSave, onCancel }: NoteEditorProps) {
  const t = useT();
  const [note, setNote] = useState(clip.note);
  const [tags, setTags] = useState(clip.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const noteId = `clip-${clip.id}-note`;
  const tagsId = `clip-${clip.id}-tags`;

  useEffect(() => noteField.current?.focus(), []);

  return (
    <form
      class="note-editor"
      aria-label={t('clips_edit_clip', [clip.title])}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        try {
          await onSave({ note, tags: parseTags(tags) });
        } finally {
          setBusy(false);
        }
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <label for={noteId}>{t('clips_note')}</label>
      <textarea
        id={noteId}
        ref={noteField}
        rows={3}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <label for={tagsId}>{t('clips_tags_input')}</label>
      <input id={tagsId} type="text" value={tags} onInput={(event) => setTags(event.currentTarget.value)} />
      <div class="note-editor-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('clips_save')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('clips_cancel')}
        </button>
      </div>
    </form>
  );
}
