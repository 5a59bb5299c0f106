import { useT } from './i18n';
import type { Selection } from './useSelection';

export interface BulkActionsProps {
  selection: Selection;
  onDelete: (ids: readonly number[]) => void;
  onExport: (format: 'json' | 'md', ids: readonly number[]) => void;
}

/** Select all on screen, and delete or export what is selected. */
export function BulkActions({ selection, onDelete, onExport }: BulkActionsProps) {
  const t = useT();
  const count = selection.ids.size;
  const ids = [...selection.ids];
  return (
    <div class="bulk" role="group" aria-label={t('clips_bulk_label')}>
      <label class="select-all">
        <input
          type="checkbox"
          checked={selection.all}
          indeterminate={count > 0 && !selection.all}
          onChange={(event) => selection.setAll(event.currentTarget.checked)}
        />
        {t('clips_select_all')}
      </label>
      <span class="bulk-count" aria-live="polite">
        {count > 0 ? t('clips_selected_count', [String(count)]) : ''}
      </span>
      <button type="button" class="secondary danger" disabled={count === 0} onClick={() => onDelete(ids)}>
        {t('clips_delete_selected')}
      </button>
      <button type="button" class="secondary" disabled={count === 0} onClick={() => onExport('json', ids)}>
        {t('clips_export_selected_json')}
      </button>
      <button type="button" class="secondary" disabled={count === 0} onClick={() => onExport('md', ids)}>
        {t('clips_export_selected_markdown')}
      </button>
    </div>
  );
}
