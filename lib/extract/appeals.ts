import { decision, type Explain } from './explain';

/**
 * What a site says to its readers rather than about the story: subscribe, download the app,
 * follow or join its channel, sign up, log in ("Subscribe now to our … edition for the full
 * story.", "Únete a nuestro canal de Telegram", "Zapraszamy też do subskrypcji").
 */
const READER_APPEAL =
  /\b(?:subscri(?:be|bers?|ption)|suscr[ií]b\p{L}*|subskryp\p{L}*|abonn\p{L}*|download (?:the|our)|(?:our|nuestro|unser\p{L}*) (?:app|apps|canal|channel|kanal|newsletter)|follow (?:us|the)|s[ií]guenos|únete|sign(?:ing)? up|log ?in)\b/iu;
/** An appeal is a line or two; a longer paragraph that mentions subscribers is text. */
const MAX_APPEAL_CHARS = 250;

/**
 * Drops the site's appeals to its readers that end the text: a paragraph of the story goes on
 * after them, so only the ones after the last paragraph of the story go.
 */
export function withoutTrailingAppeals(paragraphs: string[], explain?: Explain): string[] {
  let end = paragraphs.length;
  while (end > 1 && paragraphs[end - 1]!.length <= MAX_APPEAL_CHARS && READER_APPEAL.test(paragraphs[end - 1]!)) {
    explain?.(decision('reader-appeal', 'removed', null, paragraphs[end - 1]));
    end -= 1;
  }
  return paragraphs.slice(0, end);
}
