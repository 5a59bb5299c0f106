/**
 * Named patterns for related-story detection, in the manner of Readability's REGEXPS. Headings
 * are matched on `headingKey` (lower-cased, without a trailing colon or a leading bullet), so
 * "TIN LIÊN QUAN", "tin cùng chuyên mục" and "Mehr zum Thema:" all compare in the same form.
 */

/** Phrases that announce stories tied to this article, as `headingKey` writes them. */
const RELATED_PHRASES = [
  // Vietnamese
  '(?:tin|bài|tin bài|bài viết|tin tức|nội dung|video|ảnh)(?: có)? liên quan',
  '(?:tin|bài|tin bài|bài viết)? ?cùng (?:chuyên mục|chủ đề|sự kiện|danh mục)',
  '(?:các )?(?:tin|bài|tin bài) khác',
  'có thể bạn (?:quan tâm|muốn đọc|thích)',
  'bạn có thể (?:quan tâm|thích)',
  'tham khảo thêm',
  'xem thêm',
  'đọc thêm',
  'mời (?:bạn )?(?:đọc|xem) thêm',
  // German
  'mehr zum thema',
  'mehr zu diesem thema',
  'zum thema',
  'siehe auch',
  'das könnte (?:sie|dich) (?:auch )?interessieren',
  // Not "Weiterlesen" alone: like "Read more" below, it is the text of teaser links.
  'zum weiterlesen',
  'weiterführende (?:links|artikel|beiträge)',
  // Not "Mehr Infos": it heads links to forms and documents as often as stories.
  '(?:noch )?mehr (?:themen|artikel|beiträge)(?: zum thema)?',
  'auch interessant',
  'lesen sie (?:dazu )?auch',
  'weitere (?:meldungen|artikel|beiträge|nachrichten|pressemitteilungen)(?: zum thema)?',
  '(?:verwandte|ähnliche) (?:artikel|meldungen|beiträge|inhalte)',
  // English ("Read more" is left out: it is the text of teaser links, not a heading)
  'related(?: (?:stories|articles|news|posts|content|items|reading|coverage))?',
  'see also',
  'read (?:also|next)',
  'also read',
  'more (?:on this(?: topic| story)?|stories like this|about this)',
  'you (?:may|might) also (?:like|be interested in)',
  'recommended(?: for you| stories| articles)?',
  'further reading',
  // Spanish, Portuguese, French, Italian
  '(?:noticias|notas|artículos|contenidos?) relacionad[oa]s',
  '(?:también )?(?:le|te) puede interesar',
  'lea (?:también|además)',
  'vea también',
  '(?:notícias|matérias|artigos) relacionad[oa]s',
  'leia (?:também|mais)',
  'veja também',
  '(?:à )?lire aussi',
  'voir aussi',
  'sur le même sujet',
  '(?:articles|articoli) (?:similaires|correlati)',
  'leggi anche',
  'potrebbe interessarti',
].join('|');

/**
 * A block heading that announces stories tied to this article. Matched against the whole heading
 * text: "Xem thêm" is a heading, "Xem thêm trên Báo Đầu Tư" (a site-wide feed) is not.
 */
export const RELATED_HEADING = new RegExp(`^(?:${RELATED_PHRASES})$`, 'u');

/**
 * The same phrases as a label in front of a title, inside the teaser ("Related Stakeholders …",
 * "Xem thêm: Chính sách …"); group 1 is the title.
 */
export const RELATED_LABEL_PREFIX = new RegExp(`^(?:${RELATED_PHRASES})\\s*[:：|»›>\\-–—]?\\s+(.+)$`, 'iu');

/** Joins alternatives into one group. */
const anyOf = (words: string[]): string => `(?:${words.join('|')})`;

/**
 * A heading of a site-wide list that is not tied to this article: most read, latest, hot news.
 * Such a block is never related, whatever its class names say.
 */
export const MOST_READ_HEADING = new RegExp(
  anyOf([
    'đọc nhiều',
    'xem nhiều',
    'quan tâm nhất',
    'tin nóng',
    'tin hot',
    'nổi bật',
    'tiêu điểm',
    'mới nhất',
    'tin mới',
    'tin 24h',
    'most (?:read|viewed|popular|shared)',
    'popular',
    'trending',
    'latest',
    'top stories',
    "editor'?s picks",
    'meistgelesen',
    'meistgesehen',
    'beliebteste',
    'neueste',
    'aktuelle meldungen',
    'top-?themen',
  ]),
  'u',
);

/** Headings of lists that are not stories: tags, downloads, sharing, navigation, topics. */
export const NON_STORY_HEADING = new RegExp(
  `^${anyOf([
    'từ khóa',
    'từ khoá',
    'tags?',
    'chủ đề',
    'thẻ',
    'schlagw(?:ö|o)rte?',
    'stichw(?:ö|o)rte?',
    'themen',
    'verwandte themen',
    'topics?',
    'downloads?',
    'tải về',
    'tài liệu',
    'publikationen',
    'dokumente',
    'documents?',
    'chia sẻ',
    'share(?: this)?',
    'teilen',
    'navigation',
    'menü',
    'menu',
    'links',
    'quick links',
    'services?',
    'kontakt',
    'contact',
    'social media',
    'folgen sie uns',
    'follow us',
    'theo dõi',
  ])}(?![\\p{L}\\p{N}])`,
  'u',
);

/**
 * Class, id and data-attribute words that mark a related block (like Readability's "positive"
 * class hints). They only nominate candidates: structure still has to confirm them.
 */
export const RELATED_HINT = new RegExp(
  `(?:^|[\\s_-])${anyOf([
    'related',
    'relate',
    'relation',
    'relations',
    'relatedbox',
    'relatednews',
    'lienquan',
    'lien-quan',
    'tinlienquan',
    'cung-chuyen-muc',
    'cungchuyenmuc',
    'same-?cate(?:gory)?',
    'samezone',
    'more-?news',
    'also-?read',
    'read-?more-?box',
    'see-?also',
    'mehr-?zum-?thema',
  ])}(?:$|[\\s_-]|\\d)`,
  'i',
);

/** Attribute hints of site-wide lists (most read, latest, trending): a candidate is dropped. */
export const MOST_READ_HINT = new RegExp(
  anyOf([
    'most-?read',
    'mostread',
    'most-?viewed',
    'popular',
    'trending',
    'latest',
    'hot-?news',
    'doc-?nhieu',
    'xem-?nhieu',
  ]),
  'i',
);

/** Links to files rather than pages. */
export const DOWNLOAD_PATH = new RegExp(
  `(?:\\.${anyOf([
    'pdf',
    'docx?',
    'xlsx?',
    'pptx?',
    'odt',
    'ods',
    'odp',
    'rtf',
    'zip',
    'rar',
    '7z',
    'gz',
    'jpe?g',
    'png',
    'gif',
    'webp',
    'svg',
    'mp3',
    'mp4',
    'm4a',
    'wav',
    'avi',
    'mov',
    'epub',
    'csv',
    'xml',
    'json',
    'txt',
  ])}$|__blob=|/downloads?/)`,
  'i',
);

/** Paths of tag, author, search and topic listing pages, not of stories. */
export const LISTING_PATH = new RegExp(
  `/${anyOf([
    'tags?',
    'tu-khoa',
    'tukhoa',
    'chu-de',
    'chude',
    'search',
    'suche',
    'tim-kiem',
    'timkiem',
    'author',
    'authors',
    'autor',
    'tac-gia',
    'tacgia',
    'schlagwort',
    'schlagworte',
    'stichwort',
    'topics?',
    'category',
    'categories',
    'kategorie',
  ])}(?:/|$|[-_.?])`,
  'i',
);

/**
 * Labels that precede a related link inside a sentence-like line ("Xem thêm: <a>…</a>",
 * "Lesen Sie auch: <a>…</a>"); such text does not make the line prose.
 */
export const LINK_LABEL = new RegExp(
  `^[\\p{P}\\p{S}\\s]*${anyOf([
    'xem thêm',
    'đọc thêm',
    'tham khảo thêm',
    'tin liên quan',
    'mời đọc thêm',
    'lesen sie auch',
    'mehr zum thema',
    'siehe auch',
    'see also',
    'related',
    'also read',
    'read also',
    'read more',
    'more',
    'lea(?: también| más| además)?',
    'vea(?: también| más)?',
    'mir[ae]',
    '(?:también )?(?:le|te) puede interesar',
    'leia(?: também| mais)?',
    'veja(?: também)?',
    '(?:à )?lire aussi',
    'voir aussi',
    'leggi anche',
  ])}?[\\p{P}\\p{S}\\s]*$`,
  'iu',
);

/** Class words of navigation menus: a "Xem thêm" or "Related" entry there is a menu item. */
export const MENU_HINT = /(?:^|[\s_-])(?:menu|megamenu|submenu|navbar|nav|navigation|breadcrumbs?)(?:$|[\s_-])/i;

/** Class, id, data and rel words of previous/next navigation between articles. */
export const PAGER_HINT =
  /(?:^|[\s_-])(?:prev|previous|next|pager|pagination|post-?nav(?:igation)?|nav-?links|older|newer)(?:$|[\s_-])/i;

/** Link texts of previous/next navigation ("« Bài trước", "Nächster Artikel", "Next post"). */
export const PAGER_TEXT = new RegExp(
  `^${anyOf([
    '[«‹←<]',
    'bài (?:trước|sau|tiếp theo)',
    'tin (?:trước|sau)',
    'previous',
    'next',
    'older',
    'newer',
    'vorherige',
    'nächste',
    'zurück',
    'weiter',
  ])}`,
  'iu',
);
