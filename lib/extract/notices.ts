/**
 * The site's notices that end an article: appeals to its readers (subscribe, follow us, download
 * our app), its disclaimers (copyright and reprint terms, licences, advertising disclosures), what
 * its comment section and its controls leave as text ("No comments", "Load more", "Back to list").
 * A notice is known by its shape, not by a word: news sentences speak of subscribers, licences,
 * copyright law and advertising bans too, so every pattern asks for the way a site addresses its
 * reader (an imperative that opens the line, "us"/"our", "bạn đọc") or states its terms (a line
 * that opens with "©" or "Disclaimer:", "all rights reserved", "ghi rõ nguồn").
 */
import { BLOCK_TAGS, UNRENDERED_TAGS } from '../dom/tags';
import { collapse } from '../text/whitespace';
import { words } from '../text/words';
import { decision, type Explain } from './explain';

const READER_APPEAL = [
  // An imperative that opens the line.
  `^(?:please |bitte )?${words(['subscribe', 'abonnieren sie', 'abonniere', 'suscr[ií]bete', 'abonnez-vous', 'assine'])}`,
  // An imperative with "now", "here" or "today", anywhere in the line.
  words(['(?:subscribe|sign up|register) (?:now|here|today)']),
  // The site's stream or app offered to the reader.
  `^${words(['for (?:the latest|more) (?:news|stories|updates)'])}`,
  `^${words(['follow', 'theo dõi'])}.{0,60}${words(['on', 'trên'])} ${words(['facebook', 'instagram', 'twitter', 'x', 'youtube', 'tiktok', 'telegram', 'whatsapp', 'linkedin', 'zalo', 'google news'])}`,
  // Addressed to the reader about the site's own channels.
  words([
    '(?:follow|join) us',
    '(?:download|get|install|follow|join|subscribe to|sign up (?:for|to)) our',
    'folg(?:en sie|e) uns',
    's[ií]guenos',
    'suivez-nous',
  ]),
  `${words(['abonnier\\p{L}*', '(?:herunter)?lad\\p{L}*', 'folg\\p{L}*'])}.{0,40}${words(['unser\\p{L}* (?:newsletter|kanal|app)'])}`,
  `${words(['unser\\p{L}* (?:newsletter|kanal|app)'])}.{0,60}${words(['abonnieren', '(?:herunter)?laden', 'folgen'])}`,
  // Vietnamese: an invitation to the readers, or an imperative to install or follow the site's app or channel.
  `^(?:kính )?mời ${words(['(?:quý )?(?:bạn đọc|độc giả|bạn|vị)'])}.{0,30}${words(['theo dõi', 'đăng ký', 'tải', 'cài đặt', 'đón đọc', 'tham gia'])}`,
  `^(?:hãy |vui lòng )?${words(['tải', 'cài đặt', 'theo dõi', 'đăng ký'])}.{0,60}${words(['ứng dụng', 'app', 'kênh', 'fanpage', 'bản tin'])}`,
];

const SITE_TERMS = [
  // The site's own marker opens the line.
  '^(?:©|\\(c\\)|copyright(?![\\p{L}\\p{N}]))',
  `^${words(['disclaimer', 'haftungsausschluss', 'werbung', 'anzeige', 'advertising disclosure', 'affiliate disclosure', 'transparenzhinweis'])}\\s*:`,
  // Copyright and reprint terms.
  words(['all rights reserved', 'alle rechte vorbehalten', 'tous droits réservés', 'todos los derechos reservados']),
  words(['may not be (?:reproduced|republished|reprinted|redistributed|copied)']),
  words([
    '(?:reprint\\p{L}*|reproduction|nachdruck|vervielfältigung)(?: \\p{L}+){0,4} (?:permission|genehmigung|erlaubnis)',
  ]),
  `^(?:© ?)?${words(['bản quyền thuộc về'])}[^?]*$`,
  words(['ghi rõ nguồn']),
  `^${words(['(?:nghiêm )?cấm', 'không được'])} ${words(['sao chép', 'đăng tải lại', 'phát hành lại'])}`,
  // Licences as they are cited.
  words(['CC[- ]BY(?:[- ](?:SA|NC|ND))*', 'creative commons']),
  // Advertising and affiliate disclosures, and whose opinion the text is.
  words(['affiliate[- ]links?']),
  `${words(['links?', 'verweise?', 'verlinkungen'])}.{0,80}${words(['provision', 'commission'])}`,
  words(['(?:is|are) not responsible for (?:the )?(?:opinions|views|content|comments)']),
  `${words(['we', 'wir'])}(?: \\p{L}+){0,3} ${words(['earn', 'receive', 'erhalten', 'bekommen'])}(?: \\p{L}+){0,3} ${words(['commission', 'provision'])}`,
  words(['(?:views|opinions) expressed (?:in this|here|are (?:those|solely))']),
  `${words(['meinung|ansicht'])} ${words(['des autors', 'der autorin', 'der redaktion'])}.{0,20}${words(['wieder', 'wider'])}`,
];

/**
 * What the page's comment section leaves under the story: its count or empty state as the whole
 * line, the button to write one, the login it asks for. (Not "let us know in the comments": the
 * author's own last line as often as the site's.)
 */
const COMMENT_SECTION = [
  // The count, the empty state or the button as the whole line; not a quoted "No comment." (the
  // empty state is plural in English).
  `^(?:(?:no|keine|chưa có|leave a|write a|schreibe einen|viết) |\\d+ )?(?:comments|(?<!no )comment|kommentare?|bình luận)(?: yet| insgesamt| schreiben)?\\s*:?\\s*\\(?\\d*\\)?[.!]?(?:\\s*\\([^()]*\\))?$`,
  // The login opens the line, and the comment has no object: commenting on a draft is how a
  // consultation is joined, a subject of government news.
  `^(?:you must|du musst|sie müssen|bạn cần)[^.!?]{0,20}(?:logged in|eingeloggt|angemeldet|đăng nhập)[^.!?]{0,40}(?:comment|kommentar|bình luận)(?![^.!?]*${words(['on', 'about', 'zum', 'zur', 'zu dem', 'về', 'dự thảo'])})`,
];

/**
 * The page's controls and its address to the reader about this story, as text: share it, write a
 * letter about it, get the next stories, load more, go back to the list. Each is the whole line or
 * an imperative that opens a sentence: the same words inside a sentence are news ("Police asked
 * residents to share this post", "Không chia sẻ bài viết sai sự thật").
 */
const PAGE_CONTROLS = [
  `^(?:[^.!?]{0,60}[.!?:] )?(?:\\p{L}+ ){0,2}${words(['share this (?:article|story|post)', '(?:diesen|den) (?:artikel|beitrag) teilen', 'chia sẻ bài viết(?: này)?'])}\\s*[.!?:]?$`,
  `(?:^|[.!?:] )${words(['submit', 'send', 'write'])}(?: \\p{L}+){0,2} letters? to the editor`,
  // Only with the site's own channel: "get the latest news on flood levels from the hotline" is advice.
  `^(?:get|receive) the latest (?:news|stories|updates).{0,80}${words(['(?:to|in) your (?:inbox|phone)', 'our (?:newsletter|app)', 'app', 'newsletter'])}`,
  '^(?:load more|(?:lade )?weitere (?:inhalte|artikel)(?: laden)?)\\s*(?:\\.{3}|…)?$',
  // Back to a page of the site, not "back to normal" (the control survives as text: Readability
  // turns a javascript: link into its text).
  '^(?:zurück|back|quay lại)(?: (?:zur|zum|to(?: the)?|về) (?:\\p{L}*übersicht\\p{L}*|(?:start|home)(?:seite|page)?|list\\p{L}*|overview|top|seitenanfang|inhaltsverzeichnis|menü|menu|trang chủ|danh sách))?$',
];

const NOTICE = new RegExp([...READER_APPEAL, ...SITE_TERMS, ...COMMENT_SECTION, ...PAGE_CONTROLS].join('|'), 'iu');
/** A notice is a line or two; a longer paragraph is text, whatever its words. */
const MAX_NOTICE_CHARS = 250;

function isNotice(line: string): boolean {
  return line.length <= MAX_NOTICE_CHARS && NOTICE.test(line);
}

/**
 * Cuts the notices that end the text: a paragraph of the story goes on after them, so only the
 * blocks after the story's last paragraph are asked, and the story keeps at least one.
 */
export function cutTrailingNotices(content: Element, explain?: Explain): void {
  for (;;) {
    const last = lastBlock(content);
    if (!last || last === content) return;
    const text = collapse(last.textContent);
    if (!isNotice(text) || collapse(content.textContent).length <= text.length) return;
    explain?.(decision('site-notice', 'removed', last));
    last.remove();
  }
}

/** The block that holds the last text of `root`. */
function lastBlock(root: Element): Element | null {
  const text = lastText(root);
  let at = text?.parentElement ?? null;
  while (at && at !== root && !BLOCK_TAGS.has(at.tagName)) at = at.parentElement;
  return at;
}

function lastText(node: Node): Node | null {
  for (let child = node.lastChild; child; child = child.previousSibling) {
    if (child.nodeType === 3 /* TEXT_NODE */) {
      if (collapse(child.textContent)) return child;
    } else if (child.nodeType === 1 /* ELEMENT_NODE */ && !UNRENDERED_TAGS.has((child as Element).tagName)) {
      const found = lastText(child);
      if (found) return found;
    }
  }
  return null;
}
