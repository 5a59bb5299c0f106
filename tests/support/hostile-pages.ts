/**
 * Generated hostile news articles: every page is a readable Vietnamese article whose title, h1,
 * lead, body, caption, picture alt text, figure sentence and related stories carry script
 * payloads, non-web links and DOM-clobbering names. Each payload's code calls a canary address,
 * so any execution anywhere (page, popup, clips page) is counted by the server that serves them.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** How a payload runs code: `js` is the canary call (single quotes only, it sits in "…" attributes). */
export interface MarkupVector {
  name: string;
  markup: (js: string) => string;
}

export const MARKUP_VECTORS: readonly MarkupVector[] = [
  { name: 'script', markup: (js) => `<script>${js}</script>` },
  { name: 'img-onerror', markup: (js) => `<img src="/missing.png" onerror="${js}">` },
  { name: 'svg-onload', markup: (js) => `<svg onload="${js}"></svg>` },
  { name: 'svg-script', markup: (js) => `<svg><script>${js}</script></svg>` },
  { name: 'iframe-srcdoc', markup: (js) => `<iframe srcdoc="<script>${js}</script>"></iframe>` },
  { name: 'iframe-javascript', markup: (js) => `<iframe src="javascript:${js}"></iframe>` },
  { name: 'a-javascript', markup: (js) => `<a href="javascript:${js}">bấm vào đây</a>` },
  { name: 'a-javascript-entity', markup: (js) => `<a href="jav&#x09;ascript:${js}">xem chi tiết</a>` },
  { name: 'a-data', markup: (js) => `<a href="data:text/html,<script>${js}</script>">tải về</a>` },
  { name: 'a-vbscript', markup: () => `<a href="vbscript:msgbox(1)">mở tệp</a>` },
  { name: 'object-javascript', markup: (js) => `<object data="javascript:${js}"></object>` },
  { name: 'embed-javascript', markup: (js) => `<embed src="javascript:${js}">` },
  { name: 'details-ontoggle', markup: (js) => `<details open ontoggle="${js}"><summary>chi tiết</summary></details>` },
  { name: 'video-source-onerror', markup: (js) => `<video><source src="/missing.mp4" onerror="${js}"></video>` },
  { name: 'body-onload', markup: (js) => `<body onload="${js}">` },
  { name: 'input-autofocus', markup: (js) => `<input autofocus onfocus="${js}">` },
  { name: 'math-href', markup: (js) => `<math><mi xlink:href="javascript:${js}">x</mi></math>` },
  { name: 'svg-a-xlink', markup: (js) => `<svg><a xlink:href="javascript:${js}"><text y="10">x</text></a></svg>` },
  { name: 'svg-animate', markup: (js) => `<svg><animate onbegin="${js}" attributeName="x" dur="1s"></animate></svg>` },
  // Mutation XSS: markup that parses harmless once and dangerous when serialized and parsed again.
  {
    name: 'mxss-noscript',
    markup: (js) =>
      `<noscript><p title="</noscript><img src=/missing.png onerror=${js.replace(/ /g, '')}>"></noscript>`,
  },
  {
    name: 'mxss-svg-style',
    markup: (js) => `<svg></p><style><a id="</style><img src=/missing.png onerror=${js.replace(/ /g, '')}>">`,
  },
  {
    name: 'mxss-math-mglyph',
    markup: (js) => `<math><mtext><table><mglyph><style><img src=/missing.png onerror="${js}">`,
  },
  {
    name: 'mxss-form-math',
    markup: (js) => `<form><math><mtext></form><form><mglyph><style></math><img src=/missing.png onerror="${js}">`,
  },
  { name: 'template', markup: (js) => `<template><img src="/missing.png" onerror="${js}"></template>` },
  { name: 'noscript-img', markup: (js) => `<noscript><img src="/missing.png" onerror="${js}"></noscript>` },
  { name: 'textarea-breakout', markup: (js) => `</textarea><img src=/missing.png onerror="${js}">` },
  { name: 'title-breakout', markup: (js) => `</title><img src=/missing.png onerror="${js}">` },
  { name: 'markdown-image-in-link', markup: (js) => `[![ảnh](javascript:${js})](https://127.0.0.1/)` },
  { name: 'markdown-link', markup: (js) => `[bấm](javascript:${js}) <javascript:${js}>` },
];

/** Related-story addresses: what must never be clickable, or fetched by "listen to these next". */
export interface UrlVector {
  name: string;
  /** `origin` is the page's own origin (http://127.0.0.1:port). */
  url: (js: string, origin: string) => string;
  /** An http(s) address (of another site): shown as a link is fine, fetched is not. */
  web: boolean;
}

export const URL_VECTORS: readonly UrlVector[] = [
  { name: 'javascript', url: (js) => `javascript:${js}`, web: false },
  { name: 'javascript-mixed-case', url: (js) => `JaVaScRiPt:${js}`, web: false },
  { name: 'javascript-leading-space', url: (js) => ` \tjavascript:${js}`, web: false },
  { name: 'data-html', url: (js) => `data:text/html,<script>${js}</script>`, web: false },
  { name: 'data-base64', url: () => 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', web: false },
  { name: 'vbscript', url: () => 'vbscript:msgbox(1)', web: false },
  { name: 'protocol-relative', url: () => '//evil.example/tin-lien-quan.htm', web: true },
  { name: 'userinfo', url: (_js, origin) => `http://${new URL(origin).host}@evil.example/tin.htm`, web: true },
  {
    name: 'userinfo-encoded-slash',
    url: (_js, origin) => `http://evil.example%2F@${new URL(origin).host}/hostile/0/`,
    web: true,
  },
  {
    name: 'look-alike-subdomain',
    url: (_js, origin) => `http://${new URL(origin).hostname}.evil.example/tin.htm`,
    web: true,
  },
];

/** Page-global names a page can clobber with id/name (window) or name (document). */
export const CLOBBERS: readonly string[] = [
  '<form id="__loaContentScript"></form>',
  '<img name="__loaContentScript" src="/missing.png" alt="">',
  '<a id="__loaContentScript" name="__loaContentScript" href="#">x</a>',
  '<div id="browser"></div><div id="chrome"></div>',
  '<form name="getElementById"></form><img name="querySelectorAll" src="/missing.png" alt="">',
  '<div id="CSS"></div><div id="speechSynthesis"></div>',
  '<form id="location"><input name="href" value="javascript:alert(1)"></form>',
];

export const PLACEMENTS = [
  'title',
  'h1',
  'lead',
  'body',
  'caption',
  'alt',
  'figure-sentence',
  'related-title',
  'related-url',
] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const HOSTILE_PAGE_COUNT = 128;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The canary call of one payload: its id says page, placement and vector. */
export function canaryCall(origin: string, id: string): string {
  return `fetch('${origin}/canary/${id}')`;
}

export interface PlacedPayload {
  id: string;
  placement: Placement;
  vector: string;
  /** Raw markup runs in the page by itself when it loads; text only runs if something turns it into HTML. */
  raw: boolean;
}

const SENTENCES = [
  'Năm nay các bộ, ngành, địa phương đã chủ động tổ chức thực hiện {a} nhiệm vụ được giao và ban hành {b} văn bản để chỉ đạo, đôn đốc.',
  'Tổng vốn đầu tư công đã giải ngân đạt {c} tỷ đồng, tăng {d}% so với cùng kỳ năm trước theo báo cáo của Bộ Tài chính.',
  'Hội nghị thống nhất tiếp tục cắt giảm thủ tục hành chính, đẩy mạnh chuyển đổi số và nâng cao chất lượng dịch vụ công trực tuyến.',
  'Tỉnh đã hỗ trợ {a} hộ gia đình khắc phục hậu quả thiên tai và sửa chữa {b} phòng học tại các xã vùng sâu, vùng xa.',
  'Thủ tướng yêu cầu các cơ quan rà soát toàn bộ quy trình, công khai kết quả giải quyết hồ sơ cho người dân và doanh nghiệp.',
  'Đến cuối quý, tỷ lệ hồ sơ được xử lý đúng hạn đạt {d}%, cao hơn mục tiêu đề ra từ đầu năm.',
];

function sentence(index: number, seed: number): string {
  return SENTENCES[index % SENTENCES.length]!.replace(
    '{a}',
    `${(seed % 9) + 1}.${String(100 + ((seed * 37) % 900)).padStart(3, '0')}`,
  )
    .replace('{b}', String(200 + ((seed * 53) % 700)))
    .replace('{c}', `${100 + ((seed * 17) % 800)},${seed % 10}`)
    .replace('{d}', String(50 + ((seed * 7) % 49)));
}

/** Odd pages carry their markup raw (it runs in the page by itself); even pages carry it as text. */
export function hasRawMarkup(index: number): boolean {
  return index % 2 === 1;
}

/**
 * Hostile page `index` (0 ≤ index < HOSTILE_PAGE_COUNT) served at `${origin}/hostile/${index}/`.
 * Placement k carries vector (index + 7k) mod |vectors|, so every vector meets every placement.
 */
export function hostilePage(index: number, origin: string): { html: string; payloads: PlacedPayload[] } {
  const raw = hasRawMarkup(index);
  const payloads: PlacedPayload[] = [];
  const vectorFor = (placement: Placement) => {
    const k = PLACEMENTS.indexOf(placement);
    const vector = MARKUP_VECTORS[(index + 7 * k) % MARKUP_VECTORS.length]!;
    const id = `${index}-${placement}-${vector.name}`;
    const markup = vector.markup(canaryCall(origin, id));
    // Titles and attributes are text in any case.
    const asRaw = raw && placement !== 'title' && placement !== 'alt' && placement !== 'related-title';
    payloads.push({ id, placement, vector: vector.name, raw: asRaw });
    return asRaw ? markup : escapeHtml(markup);
  };
  const urlVector = URL_VECTORS[index % URL_VECTORS.length]!;
  const urlId = `${index}-related-url-${urlVector.name}`;
  payloads.push({ id: urlId, placement: 'related-url', vector: urlVector.name, raw: true });
  const badUrl = escapeHtml(urlVector.url(canaryCall(origin, urlId), origin));
  const next = (step: number) => `/hostile/${(index + step) % HOSTILE_PAGE_COUNT}/`;
  const paragraph = (n: number) => `<p>${sentence(n, index * 10 + n)} ${sentence(n + 1, index * 10 + n + 3)}</p>`;

  const html = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8">
<title>Tin số ${index}: ${vectorFor('title')} - Báo Mẫu</title>
</head>
<body>
${CLOBBERS[index % CLOBBERS.length]}
<header><nav><a href="/">Trang chủ</a> <a href="/thoi-su/">Thời sự</a></nav></header>
<main><article>
  <h1>Tin số ${index}: Chính phủ họp phiên thường kỳ ${vectorFor('h1')}</h1>
  <div class="sapo"><b>Sáng nay, Chính phủ họp phiên thường kỳ tháng ${(index % 12) + 1} để đánh giá tình hình kinh tế - xã hội ${vectorFor('lead')}</b></div>
  ${paragraph(0)}
  <p>${sentence(2, index)} ${vectorFor('body')} ${sentence(4, index + 1)}</p>
  <figure><img src="/missing.png" alt="${vectorFor('alt')}"><figcaption>Quang cảnh phiên họp của Chính phủ. ${vectorFor('caption')}</figcaption></figure>
  ${paragraph(1)}
  <p>Tổng vốn đầu tư đạt ${300 + index},5 tỷ đồng cho ${1000 + index * 7} nhiệm vụ ${vectorFor('figure-sentence')} trong năm.</p>
  ${paragraph(3)}
  ${paragraph(4)}
  <div class="box"><h3>Tin liên quan</h3><ul>
    <li><a href="${next(1)}">Chính sách mới có hiệu lực từ tháng ${(index % 12) + 1} ${vectorFor('related-title')}</a></li>
    <li><a href="${next(2)}">Đẩy mạnh cải cách hành chính trong năm ${2001 + index}</a></li>
    <li><a href="${badUrl}">Hội nghị tổng kết công tác năm ${2000 + index}</a></li>
    <li><a href="${next(3)}">Thủ tướng chủ trì hội nghị trực tuyến với các địa phương</a></li>
  </ul></div>
</article></main>
<footer><p>Báo Mẫu - Cơ quan của một bộ</p></footer>
</body>
</html>`;
  return { html, payloads };
}

export interface CanaryHit {
  id: string;
  /** The Origin header of the request: the page's origin, or chrome-extension://… for Loa's pages. */
  origin: string | undefined;
}

export interface HostileServer {
  origin: string;
  pageUrl(index: number): string;
  /** Every canary call that reached the server, in order. */
  hits: CanaryHit[];
  /** Every /hostile/ page request, with its Origin header (a fetch from a content script sends one). */
  pageRequests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Serves the hostile pages and counts canary calls, on 127.0.0.1 only. */
export async function startHostileServer(): Promise<HostileServer> {
  const hits: CanaryHit[] = [];
  const pageRequests: HostileServer['pageRequests'] = [];
  let origin = '';
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    // Canary calls come from any origin (an extension page too): let them all be counted.
    const cors = { 'access-control-allow-origin': '*' };
    const canary = /^\/canary\/(.+)$/.exec(path);
    if (canary) {
      hits.push({ id: decodeURIComponent(canary[1]!), origin: request.headers.origin });
      return void response.writeHead(204, cors).end();
    }
    const page = /^\/hostile\/(\d+)\/$/.exec(path);
    if (page && Number(page[1]) < HOSTILE_PAGE_COUNT) {
      pageRequests.push({ path, headers: request.headers });
      return void response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(hostilePage(Number(page[1]), origin).html);
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    pageUrl: (index) => `${origin}/hostile/${index}/`,
    hits,
    pageRequests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
