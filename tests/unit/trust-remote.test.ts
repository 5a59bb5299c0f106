import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { FETCH_LIMITS, fetchStoryPage, type SameSitePredicate } from '../../lib/extract/remote';
import { sameSiteUrl, sameSiteVerdicts } from '../../lib/url';
import { CORPUS_DIR } from '../../scripts/lib/corpus';

describe('sameSiteUrl: the registrable domain decides', () => {
  const PAGE = 'https://xaydungchinhsach.chinhphu.vn/bai-viet.htm';
  it.each([
    ['https://chinhphu.vn/tin-khac.htm', 'the parent domain'],
    ['http://baochinhphu.chinhphu.vn/tin', 'a sibling subdomain over http'],
    ['https://xaydungchinhsach.chinhphu.vn:8443/tin', 'another port'],
  ])('accepts %s (%s)', (candidate) => {
    expect(sameSiteUrl(candidate, PAGE)?.href).toBe(new URL(candidate).href);
  });

  it.each([
    ['https://baochinhphu.vn/tin', 'another registrable domain'],
    ['https://chinhphu.vn.example.com/tin', 'a look-alike that ends elsewhere'],
    ['https://xchinhphu.vn/tin', 'a look-alike with a prefix'],
    ['https://chinhphu.vn@example.com/tin', 'userinfo that reads like the site'],
    ['https://user:secret@chinhphu.vn/tin', 'userinfo on the site itself'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/html,<p>x</p>', 'data:'],
    ['vbscript:msgbox(1)', 'vbscript:'],
    ['//chinhphu.vn/tin', 'protocol-relative (no base to resolve against)'],
    ['ftp://chinhphu.vn/tin', 'another scheme'],
    ['not a url', 'garbage'],
  ])('refuses %s (%s)', (candidate) => {
    expect(sameSiteUrl(candidate, PAGE)).toBeNull();
  });

  it('does not treat a public suffix as a site', () => {
    // gov.vn is a public suffix: two ministries under it are two sites, and the suffix is none of them.
    expect(sameSiteUrl('https://mof.gov.vn/tin', 'https://moh.gov.vn/')).toBeNull();
    expect(sameSiteUrl('https://gov.vn/tin', 'https://moh.gov.vn/')).toBeNull();
    expect(sameSiteUrl('https://www.moh.gov.vn/tin', 'https://moh.gov.vn/')).not.toBeNull();
    // Private suffixes count too: two blogs on one hosting domain are two sites.
    expect(sameSiteUrl('https://other.github.io/post', 'https://mine.github.io/')).toBeNull();
  });

  it('compares IP addresses host for host', () => {
    expect(sameSiteUrl('http://127.0.0.1:9/a', 'http://127.0.0.1:8/')).not.toBeNull();
    expect(sameSiteUrl('http://127.0.0.2/a', 'http://127.0.0.1/')).toBeNull();
    expect(sameSiteUrl('http://localhost/a', 'http://127.0.0.1/')).toBeNull();
  });

  it('refuses everything when the page itself is not a web page', () => {
    expect(sameSiteUrl('https://chinhphu.vn/tin', 'file:///home/user/page.html')).toBeNull();
  });
});

describe('sameSiteVerdicts: the background answers a same-site request', () => {
  const PAGE = 'https://xaydungchinhsach.chinhphu.vn/bai-viet.htm';

  it('gives one verdict per address, in the order asked', () => {
    const asked = [
      'https://baochinhphu.vn/tin',
      'https://chinhphu.vn/tin',
      'https://chinhphu.vn@example.com/tin',
      'http://www.chinhphu.vn/a',
    ];
    expect(sameSiteVerdicts(asked, PAGE)).toEqual([false, true, false, true]);
  });

  it('says no to whatever is not a string, and to everything when the page address is not one', () => {
    expect(sameSiteVerdicts([null, 42, { href: PAGE }, ['https://chinhphu.vn/']], PAGE)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(sameSiteVerdicts(['https://chinhphu.vn/tin'], undefined)).toEqual([false]);
    expect(sameSiteVerdicts(['https://chinhphu.vn/tin'], { toString: () => PAGE })).toEqual([false]);
  });
});

describe('fetchStoryPage against a real HTTP server', () => {
  const story = readFileSync(join(CORPUS_DIR, 'vn-baolaocai-seed-reconstructed/source.html'));
  const requests: string[] = [];
  let server: Server;
  let port = 0;
  // 127.0.0.1 and localhost are the same machine but two sites: a redirect between them leaves the site.
  const here = (path: string) => `http://127.0.0.1:${port}${path}`;
  const elsewhere = (path: string) => `http://localhost:${port}${path}`;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? '/';
      requests.push(`${request.headers.host}${path}`);
      if (path === '/story')
        return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(story);
      if (path === '/to-story') return void response.writeHead(302, { location: '/story' }).end();
      if (path === '/to-other-site') return void response.writeHead(302, { location: elsewhere('/story') }).end();
      if (path === '/json') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      if (path === '/missing') return void response.writeHead(404).end();
      if (path === '/huge') {
        // No content-length: only counting what arrives can stop it.
        response.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, '<p>bla bla bla bla</p>\n');
        const write = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once('drain', write);
        };
        response.on('close', () => response.destroy());
        return void write();
      }
      // /slow never answers.
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  // What the content script gets from the background: the verdicts, asynchronously, one address at a time.
  const asked: string[] = [];
  const sameSiteAsPage: SameSitePredicate = async (url) => {
    asked.push(url);
    return sameSiteVerdicts([url], here('/page'))[0] === true;
  };
  const fetchFrom = (url: string, limits = FETCH_LIMITS) =>
    fetchStoryPage(url, sameSiteAsPage, parseHtml, fetch, limits);

  it('fetches and extracts a story of the same site, also through a same-site redirect', async () => {
    const direct = await fetchFrom(here('/story'));
    expect(direct?.title).toBe('Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7');
    expect(direct?.url).toBe(here('/story'));
    const redirected = await fetchFrom(here('/to-story'));
    expect(redirected?.url).toBe(here('/story'));
  });

  it('drops a story whose redirect ends on another site', async () => {
    requests.length = 0;
    asked.length = 0;
    expect(await fetchFrom(here('/to-other-site'))).toBeNull();
    expect(requests).toEqual([`127.0.0.1:${port}/to-other-site`, `localhost:${port}/story`]);
    // The requested address and the final one are both decided by the predicate.
    expect(asked).toEqual([here('/to-other-site'), elsewhere('/story')]);
  });

  it('fetches nothing when the same-site question fails', async () => {
    requests.length = 0;
    const noAnswer: SameSitePredicate = () =>
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(fetchStoryPage(here('/story'), noAnswer, parseHtml)).rejects.toThrow(/receiving end/i);
    expect(requests).toEqual([]);
  });

  it('never requests another site, userinfo addresses or non-web schemes', async () => {
    requests.length = 0;
    for (const url of [
      elsewhere('/story'),
      `http://user:pw@127.0.0.1:${port}/story`,
      `http://127.0.0.1:${port}@localhost:${port}/story`,
      'javascript:fetch("/story")',
      `data:text/html,${encodeURIComponent(story.toString())}`,
    ]) {
      expect(await fetchFrom(url)).toBeNull();
    }
    expect(requests).toEqual([]);
  });

  it('drops what is not an HTML page, or not there', async () => {
    expect(await fetchFrom(here('/json'))).toBeNull();
    expect(await fetchFrom(here('/missing'))).toBeNull();
  });

  it('stops reading a body past the size cap', async () => {
    expect(await fetchFrom(here('/huge'), { ...FETCH_LIMITS, maxBytes: 1024 * 1024 })).toBeNull();
  });

  it('gives up on a server that never answers once the time cap has passed', async () => {
    await expect(fetchFrom(here('/slow'), { ...FETCH_LIMITS, timeoutMs: 300 })).rejects.toThrow(/abort|timeout/i);
  });
});
