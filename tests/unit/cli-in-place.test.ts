import { describe, expect, it } from 'vitest';
import { extractHtml, parseHtml } from '../../cli/html';
import { extractArticle, extractParsed, type Decision } from '../../lib/extract';
import { MAX_DEPTH } from '../../lib/extract/clone';
import { corpusPages } from '../../scripts/lib/corpus';
import { NOTICE_LINKS as LINKS, PROSE } from '../support/article-fixtures';

const URL = 'https://tin.example.vn/bai-viet-1.html';
const NOTICE =
  'Trang web này dùng cookie để ghi nhớ lựa chọn của bạn và đo lượng truy cập. Bạn có thể đổi cài đặt bất cứ lúc nào trong mục quyền riêng tư ở cuối trang. ';
const TABLE_ROWS = Array.from(
  { length: 40 },
  (_, i) =>
    `<tr><td>Phường ${i}, quận Ba Đình, Hà Nội</td><td>Nguyễn Văn ${i}, Chủ tịch, Ủy ban nhân dân</td><td>email${i}@hanoi.gov.vn, 024 3825 ${1000 + i}</td></tr>`,
).join('');

const html = (body: string) =>
  `<!doctype html><html lang="vi"><head><title>Tin tức</title></head><body>${body}</body></html>`;

/** What extraction gives on a clone of the parsed page, as in the browser, with its decisions. */
function onClone(page: string, url: string) {
  const decisions: Decision[] = [];
  const result = extractArticle(parseHtml(page, url), { url, explain: (made) => decisions.push(made) });
  return { result, decisions };
}

/** What the CLI gives, extracting from its parse itself, with how often it parsed the page again. */
function inPlace(page: string, url: string) {
  const decisions: Decision[] = [];
  let parses = 0;
  const parse = () => {
    parses += 1;
    return parseHtml(page, url);
  };
  const result = extractParsed(parse, { url, explain: (made) => decisions.push(made) });
  return { result, decisions, parsedAgain: parses - 1 };
}

describe('the CLI extracts from its own parse of the page, not a clone', () => {
  for (const page of corpusPages()) {
    it(`gives what a clone gives on ${page.name}`, () => {
      const url = page.labels?.url ?? URL;
      const { result, decisions } = inPlace(page.html, url);
      expect(result).toEqual(onClone(page.html, url).result);
      expect(decisions).toEqual(onClone(page.html, url).decisions);
      expect(extractHtml(page.html, { url })).toEqual(result);
    });
  }

  // The headline and the date are read from the page as it came: in place, Readability has moved
  // the <h1> and the <time> into its pick by the time they are asked for.
  it('reads the headline and the date of the page before it is changed', () => {
    const page =
      '<!doctype html><html lang="vi"><head><title>Cải cách hành chính năm 2023 đạt nhiều kết quả trên cả nước</title>' +
      '</head><body><article><h1><span>Thời sự</span>Cải cách hành chính năm 2023 đạt nhiều kết quả</h1>' +
      `<time datetime="2026-12-02T08:15:00+07:00">2/12</time><p>${PROSE.repeat(3)}</p></article></body></html>`;
    const { result, parsedAgain } = inPlace(page, URL);
    expect(result).toEqual(onClone(page, URL).result);
    expect(result).toMatchObject({
      ok: true,
      article: { title: 'Cải cách hành chính năm 2023 đạt nhiều kết quả', published: '2026-12-02T01:15:00.000Z' },
    });
    expect(parsedAgain).toBe(0);
  });

  // Each case: the page, the decision its second attempt makes, how often it parses the page again.
  const secondAttempts: Record<string, [string, string, number]> = {
    'a short first pick (a notice box), asked again with looser rules': [
      `<h1>Cải cách hành chính</h1><div class="notice"><p>${NOTICE}</p><p>${NOTICE}</p></div>` +
        `<div class="sidebar"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>`,
      'readability:short-pick',
      1,
    ],
    'a table Readability scores over the prose container': [
      `<div class="a"><div class="b"><h1>Cải cách hành chính</h1><div class="body"><p>${PROSE}</p><p>${PROSE}</p>` +
        `<p>${PROSE}</p></div></div></div><div class="c"><div class="d"><table>${TABLE_ROWS}</table></div></div>`,
      'readability:prose-container',
      1,
    ],
    'a list of links, read again on the page as it is': [
      `<h1>Thông báo nghỉ làm việc</h1><ul>${LINKS}<li class="post-meta">Cập nhật 8 giờ trước</li></ul>` +
        `<form><p>Bộ phận một cửa nghỉ làm việc chiều thứ Sáu, ngày 12/12, để bảo trì hệ thống; hồ sơ nộp trực tuyến vẫn được tiếp nhận.</p></form>`,
      'readability:untouched-page',
      2,
    ],
  };
  for (const [name, [body, rule, parses]] of Object.entries(secondAttempts)) {
    it(`parses the page again for a second attempt: ${name}`, () => {
      const { result, decisions, parsedAgain } = inPlace(html(body), URL);
      expect(decisions.map((made) => made.rule)).toContain(rule);
      expect(parsedAgain).toBe(parses);
      expect(result).toEqual(onClone(html(body), URL).result);
      expect(decisions).toEqual(onClone(html(body), URL).decisions);
    });
  }

  // Preparing the page cuts its related list, and what is left is too short to be readerable: in
  // place, whether the page is readerable must be asked before preparation changes it.
  it('reads a short article whose page is readerable only before preparation', () => {
    const url = 'https://bao.example.vn/giao-thong/duong-moi-5501.html';
    const related = Array.from(
      { length: 8 },
      (_, i) =>
        `<li><a href="/giao-thong/tuyen-duong-khac-55${10 + i}.html">Tỉnh khởi công thêm một tuyến đường nối các xã vùng cao, đoạn số ${i}</a></li>`,
    ).join('');
    const page =
      '<!doctype html><html lang="vi"><head><title>Đường mới</title></head><body><article>' +
      '<h1>Thông xe tuyến đường mới qua thị trấn</h1>' +
      '<p>Tuyến đường dài 12 km nối thị trấn với cửa khẩu được thông xe sáng nay sau hai năm thi công</p>' +
      `<h3>Tin liên quan</h3><ul>${related}</ul></article></body></html>`;
    const { result } = inPlace(page, url);
    expect(result).toMatchObject({ ok: true, article: { text: expect.stringContaining('Tuyến đường dài 12 km') } });
    expect(result).toEqual(onClone(page, url).result);
  });

  it('bounds the depth of a page deeper than the cap as a clone does', () => {
    const levels = MAX_DEPTH + 100;
    const page = html(
      `${'<div>'.repeat(levels)}<h1>Cải cách hành chính</h1><p>${PROSE.repeat(3)}</p>${'</div>'.repeat(levels)}`,
    );
    const { result } = inPlace(page, URL);
    expect(result.ok && result.article.text).toContain(PROSE.trim());
    expect(result).toEqual(onClone(page, URL).result);
  });

  it('reads an article kept only in <noscript> although the first reading consumed the page', () => {
    // The page fills its post from a script template; the parser, scripting on, keeps the static
    // copy as one text node, and the first reading drops the <noscript> with the page's controls.
    const page = html(
      `<h1>Cải cách hành chính</h1><div class="post"><script type="text/template"><p>${PROSE}</p></script>` +
        `<noscript><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></noscript></div>`,
    );
    const result = extractHtml(page, { url: URL });
    expect(result.ok && result.article.paragraphs).toEqual([PROSE.trim(), PROSE.trim(), PROSE.trim()]);
    expect(result).toEqual(extractArticle(parseHtml(page, URL), { url: URL, parseHtml }));
  });
});
