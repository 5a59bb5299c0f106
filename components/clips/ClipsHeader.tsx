import { useRef } from 'preact/hooks';
import type { VietnameseSlotId } from '../../lib/speech/voices';
import { slotLabel } from '../voices';
import { useT } from './i18n';
import type { ClipReader } from './reader';

export interface ClipsHeaderProps {
  onExport: (format: 'json' | 'md') => void;
  onImport: (file: File) => void;
  reader: ClipReader | null;
}

/** The page heading with export/import for all clips and the reading voice. */
export function ClipsHeader({ onExport, onImport, reader }: ClipsHeaderProps) {
  const t = useT();
  const fileField = useRef<HTMLInputElement>(null);
  return (
    <header class="page-header">
      <h1>{t('clips_heading')}</h1>
      <div class="toolbar" role="group" aria-label={t('clips_toolbar_label')}>
        <button type="button" class="secondary" onClick={() => onExport('json')}>
          {t('clips_export_all_json')}
        </button>
        <button type="button" class="secondary" onClick={() => onExport('md')}>
          {t('clips_export_all_markdown')}
        </button>
        <button type="button" class="secondary" onClick={() => fileField.current?.click()}>
          {t('clips_import')}
        </button>
        <input
          ref={fileField}
          type="file"
          accept="application/json,.json"
          hidden
          tabIndex={-1}
          aria-label={t('clips_import')}
          data-testid="import-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Choosing the same file again must fire change again.
            event.currentTarget.value = '';
            if (file) onImport(file);
          }}
        />
      </div>
      {/* Without any Vietnamese voice there is nothing to choose; reading then says what is missing. */}
      {reader?.slots.some((slot) => slot.voice) ? (
        <div class="field reading-voice">
          <label for="clips-voice">{t('clips_voice_label')}</label>
          <select
            id="clips-voice"
            value={reader.slotId ?? ''}
            onChange={(event) => reader.chooseSlot(event.currentTarget.value as VietnameseSlotId)}
          >
            {reader.slots.map((slot) => (
              <option key={slot.id} value={slot.id} disabled={!slot.voice}>
                {[
                  slotLabel(slot, t),
                  slot.voice ? (slot.approximate ? t('clips_voice_approximate') : '') : t('clips_voice_none'),
                ]
                  .filter(Boolean)
                  .join(' ')}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </header>
  );
}
