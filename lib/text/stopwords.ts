import { languageOf } from '../lang';

/**
 * Function words: they carry no topic, so the summarizer ignores them as features, and when one
 * is capitalised after a period it starts a sentence ("… 5 p.m. Then …", "… bei 12. Das …").
 * Vietnamese entries are syllables, the unit Vietnamese text is tokenised into.
 */

const sets = new Map<string, ReadonlySet<string>>();

export function stopwordsFor(lang: string): ReadonlySet<string> {
  let set = sets.get(lang);
  if (!set) {
    set = new Set((languageOf(lang)?.functionWords ?? '').split(/\s+/).filter(Boolean));
    sets.set(lang, set);
  }
  return set;
}
