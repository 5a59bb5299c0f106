import { decision, type Explain } from './explain';

/**
 * What a site says to its readers rather than about the story: subscribe, download the app,
 * follow or join its channel, sign up, log in ("Subscribe now to our … edition for the full
 * story.", "Únete a nuestro canal de Telegram", "Zapraszamy też do subskrypcji").
 */
const READER_APPEAL =
  /\b(?:subscri(?:be|bers?|ption)|suscr[ií]b\p{L}*|subskryp\p{L}*|abonn\p{L}*|download (?:the|our)|(?:our|nuestro|unser\p{L}*) (?:app|apps|canal|channel|kanal|newsletter)|follow (?:us|the)|s[ií]guenos|únete|sign(?:ing)? up|log ?in)\b/iu;
/**
 * What a site says about its pages rather than about the story: copyright and reprint terms,
 * licences, disclaimers, advertising and affiliate disclosures ("This article is the copyrighted
 * property of …", "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY…", "Advertising
 * disclosure: …", "…erhält … eine Provision").
 */
const SITE_DISCLAIMER =
  /\b(?:copyright(?:ed)?|all rights reserved|reprint\p{L}*|written permission|not responsible for|disclaimer|disclosure|affiliate|provision\p{L}*|lizenz\p{L}*|licen[cs]e[ds]?|CC[- ]BY|werbung|meinung des autors|opinions? (?:expressed|of the author))\b/iu;
/** A notice is a line or two; a longer paragraph that mentions subscribers or a licence is text. */
const MAX_NOTICE_CHARS = 250;

/**
 * Drops the site's appeals to its readers and its disclaimers that end the text: a paragraph of
 * the story goes on after them, so only the ones after the last paragraph of the story go.
 */
export function withoutTrailingNotices(paragraphs: string[], explain?: Explain): string[] {
  let end = paragraphs.length;
  while (end > 1 && isNotice(paragraphs[end - 1]!)) {
    explain?.(decision('site-notice', 'removed', null, paragraphs[end - 1]));
    end -= 1;
  }
  return paragraphs.slice(0, end);
}

function isNotice(paragraph: string): boolean {
  return paragraph.length <= MAX_NOTICE_CHARS && (READER_APPEAL.test(paragraph) || SITE_DISCLAIMER.test(paragraph));
}
