import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract';
import { labeledPages } from '../../scripts/lib/corpus';

/**
 * Generated hostile and broken inputs through the CLI's decoding and parsing into `extractArticle`:
 * every one must come back with an article or a reason, never throw or hang. The budget is the
 * test's timeout, scaled with the total input size; no timing is asserted. The slowest input per
 * megabyte is printed so a quadratic step shows up as a number.
 */
const INPUTS = 1_000;
/** Time budget: a fixed allowance per input plus this much per megabyte of input. */
const MS_PER_INPUT = 150;
const MS_PER_MB = 20_000;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const PROSE = 'Năm 2023, các bộ, ngành, địa phương đã thực hiện 4.142 nhiệm vụ được giao và ban hành 5.586 văn bản. ';
const ARTICLE = `<h1>Cải cách hành chính năm 2023 đạt nhiều kết quả</h1><p>${PROSE.repeat(4)}</p><p>${PROSE.repeat(3)}</p>`;
const page = (body: string, head = '<title>Tin</title>') =>
  `<!doctype html><html lang="vi"><head>${head}</head><body>${body}</body></html>`;

type Input = { name: string; bytes: Uint8Array };

function generate(): Input[] {
  const next = random(20261204);
  const int = (max: number) => Math.floor(next() * max);
  const text = (html: string) => new TextEncoder().encode(html);
  const corpus = labeledPages().map((entry) => entry.html);
  const shapes: ((i: number) => Input)[] = [
    (i) => ({ name: `random-bytes-${i}`, bytes: Uint8Array.from({ length: 1 + int(20_000) }, () => int(256)) }),
    (i) => {
      const html = corpus[int(corpus.length)]!;
      return { name: `truncated-page-${i}`, bytes: text(html.slice(0, int(html.length))) };
    },
    (i) => ({
      name: `control-chars-${i}`,
      bytes: text(
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
        text(page(ARTICLE).slice(0, 300)),
        Uint8Array.from({ length: 500 }, () => 0x80 + int(64)),
        text(ARTICLE),
      ]),
    }),
    (i) => ({
      name: `script-only-${i}`,
      bytes: text(page(`<script>${'var a = "<p>' + PROSE.repeat(1 + int(20)) + '</p>";'}</script>`)),
    }),
    (i) => ({
      name: `frameset-${i}`,
      bytes: text(
        `<html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset>${i % 2 ? ARTICLE : ''}</html>`,
      ),
    }),
    (i) => ({
      name: `huge-attribute-${i}`,
      bytes: text(
        page(`<div class="${'x'.repeat(50_000 + int(100_000))}" data-a="${'"'.repeat(int(100))}">${ARTICLE}</div>`),
      ),
    }),
    (i) => ({
      name: `nesting-${i}`,
      bytes: text(page(`${'<div>'.repeat(1 + int(400))}${ARTICLE}${'</div>'.repeat(int(400))}`)),
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
      return { name: `tag-soup-${i}`, bytes: text(page(soup)) };
    },
  ];
  const inputs: Input[] = [];
  for (let i = 0; inputs.length < INPUTS; i += 1) inputs.push(shapes[i % shapes.length]!(i));
  // Wide and long pages, once each.
  inputs.push(
    {
      name: 'links-3000',
      bytes: text(
        page(
          `${ARTICLE}<div>${Array.from({ length: 3_000 }, (_, i) => `<a href="/tin-${i}.html">Tin số ${i} về chuyện khác</a>`).join(' ')}</div>`,
        ),
      ),
    },
    {
      name: 'paragraphs-5000',
      bytes: text(
        page(`<h1>Tin dài</h1>${Array.from({ length: 5_000 }, (_, i) => `<p>Đoạn ${i}: ${PROSE}</p>`).join('')}`),
      ),
    },
    {
      name: 'identical-sentences-2000',
      bytes: text(page(`<h1>Tin lặp</h1><p>${'Câu này lặp lại mãi không ngừng. '.repeat(2_000)}</p>`)),
    },
    { name: 'text-node-10MB', bytes: text(page(`<h1>Tin</h1><p>${'a'.repeat(10_000_000)}</p>`)) },
  );
  return inputs;
}

describe('extraction on generated hostile and broken input', () => {
  const inputs = generate();
  const megabytes = inputs.reduce((sum, input) => sum + input.bytes.byteLength, 0) / 1e6;

  it(
    `answers each of ${inputs.length} inputs (${megabytes.toFixed(1)} MB) with an article or a reason`,
    async () => {
      let slowest = { name: '', msPerMb: 0 };
      const outcomes = new Map<string, number>();
      for (const input of inputs) {
        const start = performance.now();
        const document = parseHtml(decodeHtml(input.bytes), 'https://tin.example.vn/bai-1.html');
        const result = extractArticle(document);
        document.defaultView?.close();
        // jsdom frees a closed window only once the event loop turns.
        await new Promise((resolve) => setImmediate(resolve));
        const msPerMb = (performance.now() - start) / Math.max(input.bytes.byteLength / 1e6, 0.01);
        if (msPerMb > slowest.msPerMb) slowest = { name: input.name, msPerMb };
        expect(typeof result.ok, input.name).toBe('boolean');
        const outcome = result.ok ? 'article' : result.reason;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (/^(random-bytes|nul-bytes|control-chars)/.test(input.name)) expect(result.ok, input.name).toBe(false);
      }
      console.log(
        `fuzz: ${inputs.length} inputs, ${megabytes.toFixed(1)} MB; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; slowest per MB: ${slowest.name} ${slowest.msPerMb.toFixed(0)} ms/MB (input floor 0.01 MB)`,
      );
    },
    inputs.length * MS_PER_INPUT + megabytes * MS_PER_MB,
  );
});
