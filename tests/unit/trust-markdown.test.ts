import { Window } from 'happy-dom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Clip } from '../../lib/clips';
import { ENGLISH_MARKDOWN_LABELS } from '../support/markdown-labels';
import { renderMarkdown } from '../../lib/clips/exchange';
import { canaryCall, MARKUP_VECTORS, URL_VECTORS } from '../support/hostile-pages';

const ORIGIN = 'http://127.0.0.1:8000';
const LABELS = ENGLISH_MARKDOWN_LABELS;

/** One clip per markup vector, the vector in every text field and a non-web address in a related story. */
function hostileClips(): Clip[] {
  return MARKUP_VECTORS.map((vector, index) => {
    const payload = vector.markup(canaryCall(ORIGIN, vector.name));
    const badUrl = URL_VECTORS[index % URL_VECTORS.length]!.url(canaryCall(ORIGIN, vector.name), ORIGIN);
    return {
      id: index + 1,
      key: `article:${index}`,
      url: `https://baochinhphu.vn/tin-${index}.htm`,
      title: `Tin ${payload}`,
      site: 'baochinhphu.vn',
      siteName: `Báo ${payload}`,
      lang: 'vi',
      savedAt: Date.UTC(2026, 2, 8),
      kind: 'article',
      text: `${payload}\n\n# ${payload}\n\n1. ${payload}\n\n> ${payload}`,
      summary: [payload],
      lead: payload,
      figures: [
        {
          text: `4.142 ${payload}`,
          value: 4142,
          unit: 'nhiệm vụ',
          sentence: payload,
          where: 'text',
          start: 0,
          end: 5,
          sentenceIndex: 0,
        },
      ],
      related: [
        { title: `[${payload}]`, url: badUrl },
        { title: payload, url: `https://baochinhphu.vn/lien-quan-${index}.htm` },
      ],
      note: `${payload}\n${payload}`,
      tags: [`tag${payload}`],
    } satisfies Clip;
  });
}

/** The Markdown as a lenient viewer shows it: raw HTML passes, any link scheme is kept. */
function view(markdown: string): Document {
  const html = marked.parse(markdown, { async: false });
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}

describe('Markdown export of hostile clips', () => {
  const clips = hostileClips();
  const markdown = renderMarkdown(clips, LABELS, Date.UTC(2026, 2, 9));
  const shown = view(markdown);

  it(`renders ${MARKUP_VECTORS.length} vectors in every field as text: no HTML element, no image`, () => {
    const tags = new Set([...shown.body.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()));
    expect(
      [...tags].filter(
        (tag) => !['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'a', 'strong', 'blockquote', 'hr', 'br'].includes(tag),
      ),
    ).toEqual([]);
    const handlers = [...shown.body.querySelectorAll('*')].flatMap((element) =>
      element.getAttributeNames().filter((name) => /^on/i.test(name)),
    );
    expect(handlers).toEqual([]);
    // Every payload is still there for the reader, as text.
    for (const vector of MARKUP_VECTORS.filter((v) => v.markup('JS').includes('JS')))
      expect(shown.body.textContent).toContain(`canary/${vector.name}`);
  });

  it('links nothing but http(s) addresses without userinfo, among them each clip’s source and web related story', () => {
    const hrefs = [...shown.body.querySelectorAll('a')].map((anchor) => new URL(anchor.getAttribute('href') ?? ''));
    // A viewer may also link the bare http(s) addresses it finds in text (GFM autolinks): those are web links too.
    expect(hrefs.filter((url) => !['http:', 'https:'].includes(url.protocol) || url.username || url.password)).toEqual(
      [],
    );
    for (const clip of clips)
      expect(hrefs.map((url) => url.href)).toEqual(expect.arrayContaining([clip.url, clip.related[1]!.url]));
    // The non-web related stories stay text, their titles readable.
    expect(shown.body.textContent).toContain('[<script>');
  });

  it('escapes an image inside a link’s text, and the brackets, parentheses and "!" around it', () => {
    const [clip] = hostileClips();
    const exported = renderMarkdown(
      [
        {
          ...clip!,
          title: 'x',
          related: [{ title: '![ảnh](javascript:alert(1))', url: 'https://baochinhphu.vn/a.htm' }],
        },
      ],
      LABELS,
      0,
    );
    expect(exported).toContain('- [\\!\\[ảnh\\]\\(javascript:alert\\(1\\)\\)](<https://baochinhphu.vn/a.htm>)');
  });
});
