import type { ClipPage } from '../../lib/clips';
import { useT } from './i18n';
import type { ClipReader } from './reader';
import type { ClipActions } from './useClipActions';
import type { LiveState } from './useLiveQuery';

export interface NoticesProps {
  actions: ClipActions;
  reader: ClipReader | null;
  page: LiveState<ClipPage>;
  /** An upgrade of the database waits for another tab to let go of it. */
  blocked: boolean;
}

/** Outcomes in a polite live region (with Undo after a delete), failures and warnings in an alert region. */
export function Notices({ actions, reader, page, blocked }: NoticesProps) {
  const t = useT();
  const { notice, undo } = actions;
  return (
    <div class="notices">
      <div role="status" aria-live="polite" class="notice-region">
        {undo ? (
          <p class="notice notice-undo">
            <span>{t('clips_deleted', [String(undo.rows.length)])}</span>{' '}
            <button type="button" ref={actions.undoButton} class="primary" onClick={actions.restore}>
              {t('clips_undo')}
            </button>{' '}
            <button type="button" class="link" onClick={actions.dismissUndo}>
              {t('clips_dismiss')}
            </button>
          </p>
        ) : notice?.kind === 'status' ? (
          <p class="notice">{notice.text}</p>
        ) : null}
      </div>
      <div role="alert" class="notice-region">
        {notice?.kind === 'error' ? <p class="notice notice-error">{notice.text}</p> : null}
        {reader?.error ? <p class="notice notice-error">{t(reader.error.key, reader.error.substitutions)}</p> : null}
        {blocked && page.status === 'loading' ? <p class="notice notice-error">{t('clips_error_blocked')}</p> : null}
        {page.status === 'ready' && page.value.corrupted.length > 0 ? (
          <p class="notice notice-warning">{t('clips_corrupted', [String(page.value.corrupted.length)])}</p>
        ) : null}
      </div>
    </div>
  );
}
