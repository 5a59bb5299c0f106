/**
 * The languages Loa reads with language-specific rules. Adding one is adding its file and a line
 * below; every module that knows about languages reads them from here.
 */
import { de } from './de';
import { en } from './en';
import type { Language } from './language';
import { vi } from './vi';

export type { Language } from './language';

export const LANGUAGES: readonly Language[] = [vi, de, en];

const byCode = new Map(LANGUAGES.map((language) => [language.code, language]));

/** The language with primary subtag `code`, or undefined when Loa has no rules for it. */
export function languageOf(code: string): Language | undefined {
  return byCode.get(code);
}

/** The primary language subtag of a BCP 47 tag ("vi-VN" → "vi", " DE_de" → "de"). */
export function primaryLanguage(tag: string | null | undefined): string {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Every month name, variant and abbreviation of every language, lower case: a number next to one is part of a date. */
export function allMonthWords(): string[] {
  return LANGUAGES.flatMap((language) => monthWords(language));
}

/** The month names, variants and abbreviations of one language, lower case. */
export function monthWords(language: Language): string[] {
  return [...language.months, ...language.monthVariants, ...language.monthAbbreviations].map((word) =>
    word.toLowerCase(),
  );
}
