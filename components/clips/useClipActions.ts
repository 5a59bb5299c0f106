import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type Clip,
  type ClipStore,
  type DeletedClips,
  type ExportResult,
  type MarkdownLabels,
  toClipsError,
} from '../../lib/clips';
import { KIND_LABEL_KEYS } from './ClipCard';
import { exportFileName } from './files';
import type { Translate } from './i18n';
import type { ClipReader } from './reader';

export type Notice = { kind: 'status' | 'error'; text: string };

export interface ClipActionsOptions {
  store: ClipStore;
  t: Translate;
  dateFormat: Intl.DateTimeFormat;
  saveFile: (fileName: string, text: string, type: string) => void;
  reader: ClipReader | null;
  /** After a delete: the deleted clips leave the selection. */
  onDeleted: () => void;
  /** After an undo: the user goes on from the search box. */
  onRestored: () => void;
}

export interface ClipActions {
  notice: Notice | null;
  /** The last delete, until it is undone or dismissed. */
  undo: DeletedClips | null;
  /** Gets the focus when a delete removes the button that had it. */
  undoButton: RefObject<HTMLButtonElement | null>;
  remove: (ids: readonly number[]) => Promise<void>;
  restore: () => Promise<void>;
  dismissUndo: () => void;
  exportClips: (format: 'json' | 'md', ids?: readonly number[]) => Promise<void>;
  importFile: (file: File) => Promise<void>;
  saveNote: (id: number, patch: { note: string; tags: string[] }) => Promise<boolean>;
  /** The whole clip, text included; null (with the failure shown) when it cannot be read. */
  loadClip: (id: number) => Promise<Clip | null>;
}

/** What the clips page does to the store, each action reporting its outcome as one notice. */
export function useClipActions({
  store,
  t,
  dateFormat,
  saveFile,
  reader,
  onDeleted,
  onRestored,
}: ClipActionsOptions): ClipActions {
  const [undo, setUndo] = useState<DeletedClips | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (undo) undoButton.current?.focus();
  }, [undo]);

  const fail = (error: unknown) => {
    const failure = toClipsError(error);
    setNotice({ kind: 'error', text: t(failure.messageKey, failure.substitutions) });
  };

  // Clips saved since the last visit are searchable already; indexing them makes searches cheaper.
  useEffect(() => {
    store.indexPending().catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per store; `fail` is new every render
  }, [store]);

  return {
    notice,
    undo,
    undoButton,
    remove: async (ids) => {
      try {
        if (reader?.current && ids.includes(reader.current.id)) reader.stop();
        const deleted = await store.deleteClips(ids);
        onDeleted();
        setNotice(null);
        setUndo(deleted);
      } catch (error) {
        fail(error);
      }
    },
    restore: async () => {
      if (!undo) return;
      try {
        const count = await store.restoreClips(undo);
        setUndo(null);
        setNotice({ kind: 'status', text: t('clips_restored', [String(count)]) });
        onRestored();
      } catch (error) {
        fail(error);
      }
    },
    dismissUndo: () => setUndo(null),
    exportClips: async (format, ids) => {
      try {
        const result: ExportResult =
          format === 'json'
            ? await store.exportJson(ids)
            : await store.exportMarkdown(ids, markdownLabels(t, dateFormat));
        saveFile(
          exportFileName(new Date(), format),
          result.text,
          format === 'json' ? 'application/json' : 'text/markdown',
        );
        const parts = [t('clips_exported', [String(result.count)])];
        if (result.corrupted.length > 0) parts.push(t('clips_export_skipped', [String(result.corrupted.length)]));
        setNotice({ kind: 'status', text: parts.join(' ') });
      } catch (error) {
        fail(error);
      }
    },
    importFile: async (file) => {
      try {
        const result = await store.importJson(await file.text(), {
          onProgress: (done, total) =>
            setNotice({ kind: 'status', text: t('clips_importing', [String(done), String(total)]) }),
        });
        setNotice({ kind: 'status', text: t('clips_imported', [String(result.added), String(result.merged)]) });
        await store.indexPending();
      } catch (error) {
        fail(error);
      }
    },
    saveNote: async (id, patch) => {
      try {
        await store.updateClip(id, patch);
        setNotice({ kind: 'status', text: t('clips_updated') });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    loadClip: async (id) => {
      try {
        return await store.getClip(id);
      } catch (error) {
        fail(error);
        return null;
      }
    },
  };
}

function markdownLabels(t: Translate, dateFormat: Intl.DateTimeFormat): MarkdownLabels {
  return {
    heading: t('clips_md_heading'),
    exportedAt: t('clips_md_exported_at'),
    source: t('clips_md_source'),
    savedAt: t('clips_saved_at'),
    kind: t('clips_filter_kind'),
    kinds: {
      article: t(KIND_LABEL_KEYS.article),
      selection: t(KIND_LABEL_KEYS.selection),
      summary: t(KIND_LABEL_KEYS.summary),
    },
    tags: t('clips_tags'),
    summary: t('clips_summary'),
    figures: t('clips_figures'),
    related: t('clips_related'),
    note: t('clips_note'),
    formatDate: (epochMs) => dateFormat.format(epochMs),
  };
}
