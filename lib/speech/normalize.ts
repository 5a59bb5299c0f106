/**
 * What a voice is given to say, as opposed to what the page shows: numbers, dates, times and units
 * spelled out in the page's language so no engine has to guess ("2/2", "78,7%", "27.01.2022").
 * Only the spoken text changes; highlighting and display keep the original.
 */
import { primaryLanguage } from '../lang';
import { withoutInvisible } from '../text/whitespace';
import { normalizeDe } from './normalize-de';
import { normalizeEn } from './normalize-en';
import { normalizeVi } from './normalize-vi';

/**
 * Soft hyphens, zero-width characters and the many widths of space that sites use inside numbers
 * ("45 %", "1 234") would otherwise stop the number rules from seeing one token.
 */
function clean(text: string): string {
  return withoutInvisible(text.normalize('NFC')).replace(/[\u00A0\u2007\u2009\u202F]/g, ' ');
}

/** The text to give the voice for `text` in language `lang` (a BCP 47 tag such as "vi", "de-DE"). */
export function speakable(text: string, lang: string): string {
  const cleaned = clean(text);
  switch (primaryLanguage(lang)) {
    case 'vi':
      return normalizeVi(cleaned);
    case 'de':
      return normalizeDe(cleaned);
    case 'en':
      return normalizeEn(cleaned);
    default:
      return cleaned;
  }
}
