import type { Translate } from './i18n';

/** Root font sizes in px offered by A−/A+; every size in the theme is in rem, so all text follows. */
export const TEXT_SIZES = [13, 15, 17, 19, 21] as const;
export const DEFAULT_TEXT_SIZE = 15;
/** Where the chosen size lives in `storage.local`, shared by the popup and the clips page. */
export const TEXT_SIZE_KEY = 'loa-text-size';

/** A remembered size when it is one of the offered ones, else the default. */
export function validTextSize(stored: unknown): number {
  return TEXT_SIZES.find((size) => size === stored) ?? DEFAULT_TEXT_SIZE;
}

export function applyTextSize(doc: Document, size: number): void {
  doc.documentElement.style.fontSize = `${size}px`;
}

/** A− / A+ : one step smaller or larger, disabled at the ends. */
export function TextSizeControl({
  size,
  onChange,
  t,
}: {
  size: number;
  onChange: (size: number) => void;
  t: Translate;
}) {
  const index = TEXT_SIZES.findIndex((candidate) => candidate === size);
  const step = (by: number) => {
    const next = TEXT_SIZES[index + by];
    if (next !== undefined) onChange(next);
  };
  return (
    <div class="text-size" role="group" aria-label={t('textSize')}>
      <button type="button" class="secondary" onClick={() => step(-1)} disabled={index <= 0}>
        A−<span class="visually-hidden"> {t('textSmaller')}</span>
      </button>
      <button type="button" class="secondary" onClick={() => step(1)} disabled={index >= TEXT_SIZES.length - 1}>
        A+<span class="visually-hidden"> {t('textLarger')}</span>
      </button>
    </div>
  );
}
