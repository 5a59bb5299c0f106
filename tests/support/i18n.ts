import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const LOCALES = resolve(import.meta.dirname, '../../public/_locales');

/**
 * `browser.i18n.getMessage` over the real `public/_locales` files, for component tests in Node:
 * named placeholders ($COUNT$) resolve to their content ("$1"), then to the substitutions.
 * A missing key throws, so a view asking for a string no locale has fails its test.
 */
export function loadMessages(lang: 'vi' | 'en'): Record<string, Message> {
  return JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Record<string, Message>;
}

export function translator(lang: 'vi' | 'en'): (key: string, substitutions?: string[]) => string {
  const messages = loadMessages(lang);
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) throw new Error(`Missing message ${key} (${lang})`);
    return entry.message
      .replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
      .replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
  };
}
