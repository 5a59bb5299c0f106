/**
 * The fuzz set of issue #16: generated hostile and broken pages as bytes, the same every run
 * (seeded), for `tests/unit/extract-fuzz.test.ts` (through the CLI's decoding and parsing into
 * `extractArticle`), `tests/unit/cli-fuzz.test.ts` and `npm run -s fuzz:cli` (through the CLI itself).
 */
import { labeledPages } from './corpus';
import { seededRandom } from './random';

const PROSE = 'Năm 2023, các bộ, ngành, địa phương đã thực hiện 4.142 nhiệm vụ được giao và ban hành 5.586 văn bản. ';
const ARTICLE = `<h1>Cải cách hành chính năm 2023 đạt nhiều kết quả</h1><p>${PROSE.repeat(4)}</p><p>${PROSE.repeat(3)}</p>`;
const page = (body: string, head = '<title>Tin</title>') =>
  `<!doctype html><html lang="vi"><head>${head}</head><body>${body}</body></html>`;

const encode = (html: string) => new TextEncoder().encode(html);

export interface FuzzInput {
  name: string;
  bytes: Uint8Array;
}

/** `count` inputs cycling through every shape: bytes, encodings, broken markup, small nesting. */
export function generateFuzzInputs(count: number): FuzzInput[] {
  const next = seededRandom(20261204);
  const int = (max: number) => Math.floor(next() * max);
  const corpus = labeledPages().map((entry) => entry.html);
  const shapes: ((i: number) => FuzzInput)[] = [
    (i) => ({ name: `random-bytes-${i}`, bytes: Uint8Array.from({ length: 1 + int(20_000) }, () => int(256)) }),
    (i) => {
      const html = corpus[int(corpus.length)]!;
      return { name: `truncated-page-${i}`, bytes: encode(html.slice(0, int(html.length))) };
    },
    (i) => ({
      name: `control-chars-${i}`,
      bytes: encode(
        page(Array.from({ length: 2_000 }, () => String.fromCharCode(int(32))).join('') + '\ufffd'.repeat(int(2_000))),
      ),
    }),
    (i) => ({ name: `nul-bytes-${i}`, bytes: new Uint8Array(1 + int(200_000)) }),
    (i) => {
      const utf16 = Buffer.from(page(ARTICLE), 'utf16le');
      return {
        name: `utf16-bom-${i}`,
        bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), utf16.subarray(0, utf16.length - 2 * int(50))]),
      };
    },
    (i) => ({
      name: `invalid-utf8-${i}`,
      bytes: Buffer.concat([
        encode(page(ARTICLE).slice(0, 300)),
        Uint8Array.from({ length: 500 }, () => 0x80 + int(64)),
        encode(ARTICLE),
      ]),
    }),
    (i) => ({
      name: `script-only-${i}`,
      bytes: encode(page(`<script>${'var a = "<p>' + PROSE.repeat(1 + int(20)) + '</p>";'}</script>`)),
    }),
    (i) => ({
      name: `frameset-${i}`,
      bytes: encode(
        `<html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset>${i % 2 ? ARTICLE : ''}</html>`,
      ),
    }),
    (i) => ({
      name: `huge-attribute-${i}`,
      bytes: encode(
        page(`<div class="${'x'.repeat(50_000 + int(100_000))}" data-a="${'"'.repeat(int(100))}">${ARTICLE}</div>`),
      ),
    }),
    (i) => ({
      name: `nesting-${i}`,
      bytes: encode(page(`${'<div>'.repeat(1 + int(400))}${ARTICLE}${'</div>'.repeat(int(400))}`)),
    }),
    (i) => {
      const tags = [
        'p',
        'div',
        'a href="/x"',
        'span',
        'table',
        'tr',
        'td',
        'ul',
        'li',
        'h1',
        'h2',
        'strong',
        'figure',
        'figcaption',
        'form',
        'button',
        'svg',
        'template',
        'noscript',
      ];
      const soup = Array.from({ length: 200 + int(800) }, () => {
        const roll = next();
        if (roll < 0.4) return `<${tags[int(tags.length)]}>`;
        if (roll < 0.7) return `</${tags[int(tags.length)]!.split(' ')[0]}>`;
        return PROSE.slice(0, int(PROSE.length));
      }).join('');
      return { name: `tag-soup-${i}`, bytes: encode(page(soup)) };
    },
  ];
  const inputs: FuzzInput[] = [];
  for (let i = 0; inputs.length < count; i += 1) inputs.push(shapes[i % shapes.length]!(i));
  return inputs;
}

/** Wide, long and deep pages of a chosen size, named by it (`links-200000`). */
export const longPages = {
  links: (count: number): FuzzInput => ({
    name: `links-${count}`,
    bytes: encode(
      page(
        `${ARTICLE}<div>${Array.from({ length: count }, (_, i) => `<a href="/tin-${i}.html">Tin số ${i} về chuyện khác</a>`).join(' ')}</div>`,
      ),
    ),
  }),
  paragraphs: (count: number): FuzzInput => ({
    name: `paragraphs-${count}`,
    bytes: encode(
      page(`<h1>Tin dài</h1>${Array.from({ length: count }, (_, i) => `<p>Đoạn ${i}: ${PROSE}</p>`).join('')}`),
    ),
  }),
  identicalSentences: (count: number): FuzzInput => ({
    name: `identical-sentences-${count}`,
    bytes: encode(page(`<h1>Tin lặp</h1><p>${'Câu này lặp lại mãi không ngừng. '.repeat(count)}</p>`)),
  }),
  textNode: (characters: number): FuzzInput => ({
    name: `text-node-${characters / 1e6}MB`,
    bytes: encode(page(`<h1>Tin</h1><p>${'a'.repeat(characters)}</p>`)),
  }),
  nesting: (levels: number): FuzzInput => ({
    name: `nested-divs-${levels}`,
    bytes: encode(page(`${'<div>'.repeat(levels)}${ARTICLE}${'</div>'.repeat(levels)}`)),
  }),
};

/** Each input's time budget through the CLI: a fixed allowance plus a rate per megabyte. */
const BUDGET_BASE_MS = 2_000;
const BUDGET_MS_PER_MB = 10_000;
export const FUZZ_BUDGET = `≤ ${BUDGET_BASE_MS / 1000} s + ${BUDGET_MS_PER_MB / 1000} s per MB`;
export const fuzzBudgetMs = (bytes: number) => BUDGET_BASE_MS + (BUDGET_MS_PER_MB * bytes) / 1e6;
