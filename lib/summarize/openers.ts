/**
 * Openings that lean on the sentence before: a connective ("Tuy nhiên", "However") or a pronoun
 * subject ("Họ", "Sie", "They"). Such a sentence read alone in a summary points at nothing.
 * Vietnamese entries are syllable sequences, lower-cased, matched on the first tokens.
 */
const CONNECTIVES: Record<string, string[]> = {
  vi: [
    'trong đó',
    'tuy nhiên',
    'ngoài ra',
    'do đó',
    'vì vậy',
    'vì thế',
    'bởi vậy',
    'theo đó',
    'bên cạnh đó',
    'đồng thời',
    'sau đó',
    'trước đó',
    'khi đó',
    'lúc đó',
    'từ đó',
    'nhưng',
    'song',
    'tuy vậy',
    'dù vậy',
    'mặt khác',
    'thêm vào đó',
    'hơn nữa',
    'thậm chí',
    'như vậy',
    'kể cả',
    'còn',
    'cũng',
    'riêng',
    'điều này',
    'việc này',
    'đây',
    'đó',
    'cùng ngày',
    'cũng theo',
  ],
  de: [
    'dies',
    'diese',
    'dieser',
    'dieses',
    'damit',
    'dabei',
    'dazu',
    'daher',
    'deshalb',
    'deswegen',
    'außerdem',
    'zudem',
    'jedoch',
    'allerdings',
    'auch',
    'ebenso',
    'darüber hinaus',
    'dort',
    'hier',
    'trotzdem',
    'dennoch',
    'aber',
    'und',
    'denn',
  ],
  en: [
    'this',
    'these',
    'that',
    'those',
    'however',
    'but',
    'also',
    'moreover',
    'furthermore',
    'in addition',
    'meanwhile',
    'still',
    'and',
    'so',
    'thus',
    'therefore',
    'instead',
    'there',
  ],
};

/** Pronoun subjects; those that double as a title ("Ông", "Bà") count only before a lower-case word, not a name. */
const PRONOUNS: Record<string, string[]> = {
  vi: ['họ', 'nó', 'chúng', 'hắn', 'tôi', 'chúng tôi', 'chúng ta', 'ông', 'bà', 'anh', 'chị', 'cô', 'em'],
  de: ['er', 'sie', 'es', 'wir', 'ihr', 'ihre', 'sein', 'seine'],
  en: ['he', 'she', 'it', 'they', 'we', 'its', 'their', 'his', 'her'],
};

interface Opener {
  tokens: string[];
  /** Pronouns double as titles before a name ("Ông Nguyễn Văn A"); connectives never stand alone. */
  pronoun: boolean;
}

/** A language's openers by their first token, longest first ("chúng tôi" wins over "chúng"). */
type OpenerTable = Map<string, Opener[]>;

const tables = new Map<string, OpenerTable>();

function openersFor(lang: string): OpenerTable {
  let table = tables.get(lang);
  if (!table) {
    const of = (words: string[] | undefined, pronoun: boolean) =>
      (words ?? []).map((word) => ({ tokens: word.split(' '), pronoun }));
    const openers = [...of(CONNECTIVES[lang], false), ...of(PRONOUNS[lang], true)].sort(
      (a, b) => b.tokens.length - a.tokens.length,
    );
    table = new Map();
    for (const opener of openers) table.set(opener.tokens[0]!, [...(table.get(opener.tokens[0]!) ?? []), opener]);
    tables.set(lang, table);
  }
  return table;
}

const WORD = /[\p{L}\p{M}]+/gu;
const LOWER_START = /^\p{Ll}/u;

/** Whether the sentence opens on a connective or pronoun that needs the sentence before it. */
export function needsPrevious(text: string, lang: string): boolean {
  const head = text.slice(0, 80);
  WORD.lastIndex = 0;
  const first = WORD.exec(head)?.[0];
  if (first === undefined) return false;
  const candidates = openersFor(lang).get(first.toLowerCase());
  if (!candidates) return false;
  // The words the longest candidate spans, and the one after it.
  const words = [first];
  const wanted = candidates[0]!.tokens.length + 1;
  for (let match; words.length < wanted && (match = WORD.exec(head));) words.push(match[0]);
  const lowered = words.map((word) => word.toLowerCase());
  const opener = candidates.find(({ tokens }) => tokens.every((token, k) => lowered[k] === token));
  if (!opener) return false;
  if (!opener.pronoun) return true;
  // "Ông cho biết" leans on the sentence before; "Ông Nguyễn Văn A cho biết" names its subject.
  const next = words[opener.tokens.length];
  return next === undefined || LOWER_START.test(next);
}
