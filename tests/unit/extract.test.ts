import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../cli/html';
import { countWords, extractArticle, extractPage, MAX_ELEMENTS, type Decision } from '../../lib/extract';
import { paragraphsOf } from '../../lib/extract/blocks';
import { promoteProseCaptions, removeFurniture } from '../../lib/extract/furniture';
import { guessLanguage } from '../../lib/extract/lang';
import { findHeadline, findLead, headlineCandidates } from '../../lib/extract/lead';
import { CORPUS_DIR } from '../../scripts/lib/corpus';
import { NOTICE_LINKS, PROSE } from '../support/article-fixtures';

function page(body: string, head = '<title>Tin tức</title>') {
  return parseHtml(
    `<!doctype html><html lang="vi"><head>${head}</head><body>${body}</body></html>`,
    'https://tin.example.vn/bai-viet-1.html',
  );
}

function bodyText(body: string) {
  const doc = page(body);
  removeFurniture(doc.body);
  return doc.body.textContent!.replace(/\s+/g, ' ').trim();
}

describe('furniture rules', () => {
  it('removes an audio widget with regional voice choices and a player clock', () => {
    expect(
      bodyText(
        `<div class="x"><span>Nam miền Bắc</span><span>Nữ miền Nam</span><span>0:00 / 0:00</span></div><p>${PROSE}</p>`,
      ),
    ).toBe(PROSE.trim());
  });
  it('removes a share bar made of network abbreviations', () => {
    expect(bodyText(`<div><a>fb</a> <a>yt</a> <a>zl</a> <a>tw</a></div><p>${PROSE}</p>`)).toBe(PROSE.trim());
  });
  it('removes captions that are only file names, keeps real captions', () => {
    const text = bodyText(
      `<figure><img src="a.jpg"><figcaption>IMG_5959.JPG</figcaption></figure><figure><figcaption>Quang cảnh phiên họp tại điểm cầu UBND tỉnh Lào Cai.</figcaption></figure>`,
    );
    expect(text).toBe('Quang cảnh phiên họp tại điểm cầu UBND tỉnh Lào Cai.');
  });
  it('removes comment and subscribe prompts', () => {
    expect(bodyText(`<p>${PROSE}</p><p>Bình luận (0)</p><div>Đăng ký nhận tin</div>`)).toBe(PROSE.trim());
  });
  it('removes the label of an ad slot, keeps the word in a sentence', () => {
    expect(bodyText(`<p>${PROSE}</p><div>- Anzeige -</div><p>Advertisement:</p><div>Quảng cáo</div>`)).toBe(
      PROSE.trim(),
    );
    expect(bodyText('<p>Quảng cáo trên mạng xã hội phải ghi rõ nhà tài trợ.</p>')).toBe(
      'Quảng cáo trên mạng xã hội phải ghi rõ nhà tài trợ.',
    );
  });
  it('removes a publication date alone on its line, keeps dates in sentences, headings and tables', () => {
    for (const stamp of [
      '23.10.2018',
      'Publiziert: 03.04.2020, 12:35',
      'Erstellt am Dienstag 6. Mai 2014',
      'Posted on April 22, 2022',
    ])
      expect(bodyText(`<p>${PROSE}</p><p><span>${stamp}</span></p>`)).toBe(PROSE.trim());
    const kept = [
      '<p>Ngày 23.10.2018, Ủy ban nhân dân tỉnh ban hành kế hoạch.</p>',
      '<h2>Donnerstag, 03. Februar 2022</h2>',
      '<table><tr><td>03.04.2020</td><td>Sitzung des Ausschusses</td></tr></table>',
    ];
    for (const html of kept) expect(bodyText(html)).not.toBe('');
  });
  it('keeps network names and prompt words that are part of a sentence', () => {
    const sentence = 'Thông tin được đăng trên Facebook và Zalo của Bộ, được in thành sách.';
    expect(
      bodyText(
        '<p>Thông tin được đăng trên <a>Facebook</a> và <strong>Zalo</strong> của Bộ, được <b>in</b> thành sách.</p>',
      ),
    ).toBe(sentence);
    expect(bodyText('<p>Der <span>Messenger</span>dienst <span lang="en">Telegram</span> wächst.</p>')).toBe(
      'Der Messengerdienst Telegram wächst.',
    );
  });
  it('removes a share bar that opens with a separator, keeps a line that only opens with a network name', () => {
    expect(bodyText(`<div><span>| Facebook | Zalo | Email</span></div><p>${PROSE}</p>`)).toBe(PROSE.trim());
    expect(bodyText(`<p>Zalo Pay</p><p>${PROSE}</p>`)).toMatch(/^Zalo Pay/);
  });
  it('keeps a long paragraph even inside a box named "share"', () => {
    expect(bodyText(`<div class="share-box"><p>${PROSE}</p></div>`)).toBe(PROSE.trim());
  });
  it('judges a box by what is left once the widget inside it is gone, at every level above it', () => {
    const widget = '<div class="share-tools"><a>Gửi cho bạn bè</a> <a>Lưu lại</a> <a>Báo lỗi</a></div>';
    expect(bodyText(`<section><div><div><div>${widget}</div></div>Nghe bài viết</div><p>${PROSE}</p></section>`)).toBe(
      PROSE.trim(),
    );
    expect(bodyText(`<section><div>${widget}Nghe bài viết</div><p>${PROSE}</p></section>`)).toBe(PROSE.trim());
  });
  it('keeps a page wrapped in one big form (ASP.NET sites)', () => {
    expect(bodyText(`<form id="form1"><p>${PROSE}</p></form>`)).toBe(PROSE.trim());
  });
  it('turns prose-length captions of a photo story into paragraphs', () => {
    const doc = page(`<figure><img src="a.jpg"><figcaption>${PROSE}</figcaption></figure>`);
    promoteProseCaptions(doc.body);
    expect(doc.querySelector('figcaption')).toBeNull();
    expect(doc.querySelector('p')?.textContent).toBe(PROSE);
  });
});

describe('lead and headline', () => {
  it('takes the paragraph the meta description repeats', () => {
    const lead = 'Chiều 2/2, Ban Chỉ đạo Cải cách hành chính của Chính phủ tổ chức phiên họp thứ 7.';
    const doc = page(
      `<h1>Họp phiên thứ 7</h1><p>${lead}</p><p>${PROSE}</p>`,
      `<meta name="description" content="${lead}">`,
    );
    expect(findLead(doc)?.text).toBe(lead);
  });
  it('takes a box the CMS named "sapo", not a "teaser" that holds a picture', () => {
    const doc = page(
      `<h1>Tin</h1><div class="rack-teaser"><img src="x.jpg"><em>Ảnh: Quang cảnh buổi lễ kỷ niệm tại Hà Nội năm nay</em></div><h2 class="detail-sapo">Chính phủ ban hành Nghị quyết về cơ chế xác định giá sản phẩm in, đúc tiền.</h2><p>${PROSE}</p>`,
    );
    expect(findLead(doc)?.text).toBe('Chính phủ ban hành Nghị quyết về cơ chế xác định giá sản phẩm in, đúc tiền.');
  });
  it('takes an all-bold first paragraph after the headline', () => {
    const doc = page(
      `<h1>Tin</h1><p><strong>Đội tuyển Tây Ban Nha đã trở thành tân vương của World Cup 2026.</strong></p><p>${PROSE}</p>`,
    );
    expect(findLead(doc)?.text).toBe('Đội tuyển Tây Ban Nha đã trở thành tân vương của World Cup 2026.');
  });
  it("does not take the site header's description or the author box for the lead, takes the article header's", () => {
    const site =
      '<header><p class="site-description">Tin tức, bình luận và góc nhìn về chính sách công mỗi ngày.</p></header>';
    const author =
      '<footer><div class="author-description">Phóng viên mảng kinh tế, theo dõi cải cách hành chính từ năm 2015.</div></footer>';
    expect(findLead(page(`${site}<article><h2>Tin</h2><p>${PROSE}</p></article>${author}`))).toBeNull();
    const sapo = 'Chính phủ ban hành Nghị quyết về cơ chế xác định giá sản phẩm in, đúc tiền.';
    const doc = page(
      `${site}<article><header><h1>Tin</h1><p class="sapo">${sapo}</p></header><p>${PROSE}</p></article>`,
    );
    expect(findLead(doc)?.text).toBe(sapo);
  });
  it("does not take the site's tagline under its title <h1> in the page header for the lead", () => {
    const site =
      '<header><h1 class="site-title">Góc nhìn chính sách</h1><p class="site-description">Tin tức, bình luận và góc nhìn về chính sách công mỗi ngày.</p></header>';
    expect(findLead(page(`${site}<main><h1>Tin</h1><p>${PROSE}</p></main>`))).toBeNull();
  });
  it("takes the lead under the article's own header outside <article> and <main>, not under a widget's <h1> below the text", () => {
    const sapo = 'Sáng 12/3, Ủy ban nhân dân tỉnh tổng kết công tác cải cách hành chính năm 2025.';
    const body = `<div class="post-body"><p>${PROSE}${PROSE}</p><p>${PROSE}</p></div>`;
    const named = page(
      `<div class="container"><header class="post-header"><h1>Tổng kết cải cách hành chính</h1><p class="sapo">${sapo}</p></header>${body}<div class="widget"><h1>Tin mới</h1><p>Hội nghị triển khai nhiệm vụ năm 2026 của ngành tư pháp tỉnh</p></div></div>`,
    );
    expect(findLead(named)?.text).toBe(sapo);
    const bold = page(
      `<header><h1>Tổng kết cải cách hành chính</h1></header><p><strong>${sapo}</strong></p>${body}<section><h1>Tin liên quan</h1></section>`,
    );
    expect(findLead(bold)?.text).toBe(sapo);
  });
  it('finds no lead where there is none', () => {
    expect(findLead(page(`<h1>Tin</h1><p>${PROSE}</p>`))).toBeNull();
  });
  it('prefers the <h1> without its kicker over the document title', () => {
    const doc = page(`<h1><span class="topline">27.01.2022</span>MineralölINFO November 2021 (Mineralölabsatz)</h1>`);
    expect(
      findHeadline(headlineCandidates(doc), 'Mineralölstatistik - MineralölINFO November 2021 (Mineralölabsatz)'),
    ).toBe('MineralölINFO November 2021 (Mineralölabsatz)');
  });
});

describe('paragraphs and language', () => {
  it('makes each block a paragraph and keeps <br> as a line break', () => {
    const doc = page('<div><p>Một <b>hai</b></p>ba<ul><li>bốn</li><li>năm<br>sáu</li></ul></div>');
    expect(paragraphsOf(doc.body)).toEqual(['Một hai', 'ba', 'bốn', 'năm\nsáu']);
  });
  it('guesses Vietnamese, German and English from the text', () => {
    expect(guessLanguage(PROSE)).toBe('vi');
    expect(
      guessLanguage(
        'Die Bundesregierung hat am Mittwoch die Förderung für den Ausbau der Netze beschlossen, und der Bund zahlt mit.',
      ),
    ).toBe('de');
    expect(
      guessLanguage(
        'The President signed the bill into law on Tuesday, and the Senate is expected to follow with a vote.',
      ),
    ).toBe('en');
  });
});

describe('word count and the garbled check', () => {
  it('counts the runs of characters that hold a letter or a digit', () => {
    expect(countWords(' — Hà Nội,\u00a0ngày 12/5 … (TTXVN) ')).toBe(5);
    expect(countWords('… — !!')).toBe(0);
  });
  it('refuses a body of mostly undecodable bytes and control characters, reads one with a few', () => {
    const garbled = extractPage(page(`<p>${'\ufffd\u0001'.repeat(200)} ${PROSE}</p>`));
    expect(garbled.ok || garbled.message).toMatch(/garbled/);
    const readable = extractPage(page(`<p>${PROSE}\ufffd</p><p>${PROSE}</p><p>${PROSE}</p>`));
    expect(readable.ok).toBe(true);
  });
});

describe('extractArticle', () => {
  it('keeps the subject of an article about a messenger in every sentence', () => {
    const html = readFileSync(join(CORPUS_DIR, 'de-bka-telegram/source.html'), 'utf8');
    const result = extractArticle(parseHtml(html));
    expect(result.ok && result.article.text).toMatch(/Messengerdienst Telegram/);
  });
  it("returns the article as text, paragraphs and sentences, with none of the page's markup", () => {
    const doc = page(
      `<h1>Cải cách hành chính</h1><article><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}<img src="x" onerror="alert(1)"><script>alert(2)</script></p></article>`,
    );
    const result = extractArticle(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.paragraphs).toHaveLength(3);
    expect(result.article.text).toBe([PROSE, PROSE, PROSE].map((p) => p.trim()).join('\n\n'));
    expect(result.article.lang).toBe('vi');
    expect(result.article.sentences.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(result.article)).not.toMatch(/onerror|<script|<img|alert/);
  });
  it('leaves the live document untouched', () => {
    const doc = page(`<h1>Tin</h1><div><a>fb</a> <a>zl</a></div><article><p>${PROSE}</p><p>${PROSE}</p></article>`);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
  it('says "no article" for an empty page and for a list of links', () => {
    expect(extractArticle(page(''))).toMatchObject({ ok: false, reason: 'not-article' });
    const list = Array.from(
      { length: 12 },
      (_, i) =>
        `<li><a href="/bai-${i}.html">Tin số ${i}: Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng ${i}</a></li>`,
    ).join('');
    expect(extractArticle(page(`<h1>Thời sự</h1><ul>${list}</ul>`))).toMatchObject({
      ok: false,
      reason: 'not-article',
    });
  });
  it('says "no article" for a section page of teaser paragraphs, not an article whose text is the footer', () => {
    const teasers = Array.from(
      { length: 6 },
      (_, i) =>
        `<p><a href="/tin-${i}.html">Thủ tướng chủ trì phiên họp Chính phủ số ${i}</a> Chiều nay, Thủ tướng chủ trì phiên họp với các bộ, ngành để đánh giá tình hình kinh tế tháng ${i}.</p>`,
    ).join('');
    const footer =
      '<footer><p>© Báo Mẫu. Giấy phép số 123/GP-BTTTT. Địa chỉ: 1 Phố Mẫu, Hà Nội. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer>';
    expect(extractArticle(page(`<main><h1>Thời sự</h1>${teasers}</main>${footer}`))).toMatchObject({
      ok: false,
      reason: 'not-article',
    });
  });
  it('keeps a short notice whose lead and text are an article, and prose that mentions stories', () => {
    const lead = 'Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân định kỳ tháng 12 năm 2026 tại trụ sở.';
    const notice = page(
      `<h1>Thông báo lịch tiếp công dân</h1><p class="sapo">${lead}</p><p>Chủ tịch UBND tỉnh tiếp công dân vào ngày 15/12 tại Trụ sở Tiếp công dân tỉnh.</p><p>Công dân mang theo giấy tờ tùy thân và hồ sơ liên quan đến nội dung kiến nghị, phản ánh.</p>`,
      `<title>Thông báo lịch tiếp công dân</title><meta name="description" content="${lead}">`,
    );
    expect(extractArticle(notice)).toMatchObject({ ok: true, article: { lead } });
    const mention = `<p>${PROSE}Theo <span><a href="/bao-cao-1.html">báo cáo tổng kết năm 2023 của Bộ Nội vụ</a></span>, ${PROSE}</p>`;
    const result = extractArticle(
      page(`<h1>Cải cách hành chính</h1><article><p>${PROSE}</p>${mention}<p>${PROSE}</p></article>`),
    );
    expect(result.ok && result.article.text).toContain('báo cáo tổng kết năm 2023 của Bộ Nội vụ');
  });
});

describe('boilerplate inside the article container', () => {
  it("cuts the author's bio, the metadata line and a newsletter box from the text, keeps the article", () => {
    const bio = 'Nguyễn Văn A là phóng viên mảng kinh tế, theo dõi cải cách hành chính từ năm 2015.';
    const meta = 'Bài viết được đăng vào thứ Tư, 3/1/2024 trong mục Thời sự.';
    const newsletter = 'Nhận bản tin mỗi sáng: tin chính trong ngày gửi đến hộp thư của bạn.';
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><article><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p>` +
          `<div class="newsletter-signup"><p>${newsletter}</p></div>` +
          `<p class="postmetadata">${meta}</p><div class="author-bio"><img src="tac-gia.jpg"><p>${bio}</p></div></article>`,
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.text).toContain(PROSE.trim());
    for (const boilerplate of [bio, meta, newsletter]) expect(result.article.text).not.toContain(boilerplate);
  });
  it('keeps the part of an article a theme names as not being boilerplate ("non-paywall")', () => {
    const offer =
      'Jetzt weiterlesen mit dem Digital-Abo: alle Artikel, die News-App und der Newsletter für 3 Euro im Monat in den ersten drei Monaten, danach monatlich kündbar. ';
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><main><section class="row non-paywall"><p>${PROSE}</p><p>${PROSE}</p></section>` +
          `<section class="row paywall"><p>${offer}</p><p>${offer}</p><p>${offer}</p><p>${offer}</p></section></main>`,
      ),
    );
    expect(result.ok && result.article.text).toContain(PROSE.trim());
  });
  it('keeps a post whose whole body a theme named like a metadata box', () => {
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><div class="post-meta-wrap"><p>${PROSE.repeat(3)}</p><p>${PROSE.repeat(3)}</p></div>`,
      ),
    );
    expect(result.ok && result.article.text).toContain(PROSE.trim());
  });
  it('measures the first pick by its text, not by the indentation of the page source around it', () => {
    const indent = `\n${'\t'.repeat(40)}`;
    const notice = 'Trang web này dùng cookie để ghi nhớ lựa chọn của bạn và đo lượng truy cập.';
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><div class="notice">${[notice, notice, notice, notice].map((n) => `${indent}<p>${n}</p>${indent}`).join('')}</div>` +
          `<div class="sidebar"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>`,
      ),
    );
    expect(result.ok && result.article.text).toContain(PROSE.trim());
  });
});

describe('a page whose only text is its lead', () => {
  it('is an article whose text is the lead', () => {
    const lead = 'Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân định kỳ tháng 12 năm 2026 tại trụ sở.';
    const result = extractArticle(
      page(
        `<h1>Thông báo lịch tiếp công dân</h1><article><p class="sapo">${lead}</p><p>Cập nhật: 03.12.2026, 08:15</p></article>`,
        `<title>Thông báo lịch tiếp công dân</title><meta name="description" content="${lead}">`,
      ),
    );
    expect(result).toMatchObject({ ok: true, article: { lead: null, text: lead, paragraphs: [lead] } });
  });
});

describe('a body of sentences beside a table Readability scores higher', () => {
  const rows = Array.from(
    { length: 40 },
    (_, i) =>
      `<tr><td>Phường ${i}, quận Ba Đình, Hà Nội</td><td>Nguyễn Văn ${i}, Chủ tịch, Ủy ban nhân dân</td><td>email${i}@hanoi.gov.vn, 024 3825 ${1000 + i}</td></tr>`,
  ).join('');
  const table = `<div class="c"><div class="d"><table>${rows}</table></div></div>`;
  it('reads the paragraphs of sentences under the headline, not the table of commas', () => {
    const result = extractArticle(
      page(
        `<div class="a"><div class="b"><h1>Cải cách hành chính</h1><div class="body"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div></div></div>${table}`,
      ),
    );
    expect(result.ok && result.article.text).toContain(PROSE.trim());
    expect(result.ok && result.article.text).not.toContain('quận Ba Đình');
  });
  it("does not take readers' comments for the body of a poem (lines without a sentence's end)", () => {
    const verse = 'Gió đưa cành trúc la đà<br>Tiếng chuông Trấn Vũ canh gà Thọ Xương';
    const comments = `<div class="c"><div class="comments"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div></div>`;
    const result = extractArticle(
      page(
        `<div class="a"><h1>Ca dao</h1><div class="body">${`<p>${verse}, ${verse}</p>`.repeat(15)}</div>${comments}</div>`,
      ),
    );
    expect(result.ok && result.article.text).toContain('Tiếng chuông Trấn Vũ canh gà Thọ Xương');
  });
});

describe('a pick the preparation moved to a list', () => {
  it("reads Readability's pick on the page as it is when the prepared page's pick is a list of links", () => {
    const notice =
      'Bộ phận một cửa nghỉ làm việc chiều thứ Sáu, ngày 12/12, để bảo trì hệ thống; hồ sơ nộp trực tuyến vẫn được tiếp nhận.';
    const links = NOTICE_LINKS;
    // The notice sits in a small form (a feedback widget to the theme), which the preparation removes.
    const decisions: Decision[] = [];
    const result = extractArticle(
      page(
        `<h1>Thông báo nghỉ làm việc</h1><ul>${links}<li class="post-meta">Cập nhật 8 giờ trước</li></ul><form><p>${notice}</p></form>`,
      ),
      { explain: (made) => decisions.push(made) },
    );
    expect(result.ok && result.article.text).toBe(notice);
    // The trace says which removals were made on the list that was then set aside.
    const switched = decisions.findIndex((made) => made.rule === 'readability:untouched-page');
    const onTheList = decisions
      .slice(0, switched)
      .filter((made) => made.action === 'removed' && made.path.startsWith('div#readability-content'));
    expect(onTheList.length).toBeGreaterThan(0);
    expect(onTheList.every((made) => made.discarded)).toBe(true);
    expect(decisions.slice(switched).some((made) => made.discarded)).toBe(false);
  });
  it('says the pick on the page as it is was tried and rejected when it is a list too', () => {
    const links = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/tin-${i}.html">Thông báo số ${i} của Ủy ban nhân dân tỉnh về lịch làm việc</a></li>`,
    ).join('');
    const decisions: Decision[] = [];
    const result = extractArticle(page(`<h1>Thông báo</h1><ul>${links}</ul>`), {
      explain: (made) => decisions.push(made),
    });
    expect(result.ok).toBe(false);
    const retried = decisions.findIndex((made) => made.rule === 'readability:untouched-page');
    expect(decisions[retried]?.action).toBe('rejected');
    // The first body's removals stand; the retry's were made on a body set aside.
    expect(decisions.slice(0, retried).some((made) => made.discarded)).toBe(false);
    expect(decisions.slice(retried + 1).every((made) => made.discarded || made.rule === 'not-article')).toBe(true);
  });
});

describe('short and link-rich articles', () => {
  it('reads a post of two sentences as an article, and a bare line of words as none', () => {
    const post = 'Heute war ein schöner Tag im Garten. Die ersten Tomaten sind endlich reif geworden.';
    const result = extractArticle(page(`<h1>Garten</h1><div><p>${post}</p></div>`));
    expect(result.ok && result.article.text).toContain(post);
    expect(extractArticle(page('<h1>Garten</h1><div><p>Startseite Impressum Kontakt</p></div>'))).toMatchObject({
      ok: false,
      reason: 'not-article',
    });
  });
  it('reads a press release that sits above a long list of links to other releases', () => {
    const others = Array.from(
      { length: 30 },
      (_, i) => `<p><a href="/pm-${i}.html">Pressemitteilung ${i}: Der Windpark im Landkreis geht ans Netz</a></p>`,
    ).join('');
    const release =
      'Der Betreiber hat heute den neuen Windpark mit zwölf Anlagen in Betrieb genommen. Die Anlagen erzeugen jährlich rund 90 Millionen Kilowattstunden Strom, genug für 25.000 Haushalte. Der Bau dauerte achtzehn Monate und kostete 60 Millionen Euro, die Gemeinden sind an den Erträgen beteiligt.';
    const result = extractArticle(page(`<h1>Windpark geht ans Netz</h1><div><p>${release}</p>${others}</div>`));
    expect(result.ok && result.article.text).toContain(release);
  });
});

describe('saved page decoding', () => {
  it('finds a <meta charset> that sits after 1024 bytes of archive scripts in the head', () => {
    const head = `<head><script>${'/* archive banner */ '.repeat(80)}</script><meta charset="windows-1252"><title>x</title></head>`;
    const bytes = Buffer.concat([
      Buffer.from(head, 'latin1'),
      Buffer.from('<body><p>Gr\xfc\xdfe</p></body>', 'latin1'),
    ]);
    expect(decodeHtml(bytes)).toContain('<p>Grüße</p>');
  });
});

describe('what is left when boxes are gone', () => {
  it('drops a heading that ends the text and a credit alone, keeps headings with text after them', () => {
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><article><h2>Kết quả năm 2023</h2><p>${PROSE}</p>` +
          `<figure><img src="a.jpg"><figcaption>Ảnh: TTXVN</figcaption></figure><p>${PROSE}</p><p>${PROSE}</p>` +
          '<h3>Đọc tiếp</h3></article>',
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.paragraphs).toContain('Kết quả năm 2023');
    expect(result.article.text).not.toContain('Đọc tiếp');
    expect(result.article.text).not.toContain('Ảnh: TTXVN');
  });
});

describe("the site's notices that end the text", () => {
  const story = [PROSE.trim(), PROSE.trim(), PROSE.trim()];
  const ending = (...lines: string[]) =>
    extractArticle(
      page(`<h1>Tin tức</h1><article>${story.map((line) => `<p>${line}</p>`).join('')}${lines.join('')}</article>`),
    );
  const paragraphsOfResult = (result: ReturnType<typeof extractArticle>) =>
    result.ok ? result.article.paragraphs : [];

  it.each([
    [
      'English',
      '<p>Subscribe today and read every edition on any device.</p>',
      '<p><strong>Follow us on social media and get our newsletter every morning.</strong></p>',
      '<p>Disclaimer: the columnist writes in a personal capacity.</p>',
      '<p>Want the morning briefing in your inbox? Sign up here.</p>',
      '<p>Follow Example Daily on Facebook and Instagram.</p>',
      '<p>The paper is not responsible for the content of external sites.</p>',
      '<p><small>© 2026 Example Daily. All rights reserved.</small></p>',
    ],
    [
      'German',
      '<p>Abonnieren Sie jetzt und lesen Sie alle Ausgaben digital.</p>',
      '<p>Unseren Newsletter können Sie hier kostenlos abonnieren.</p>',
      '<p><em>Werbung: Die mit einem Stern markierten Verweise sind Affiliate-Links.</em></p>',
      '<p>Der Beitrag enthält Links zu Händlern, für deren Vermittlung wir eine Provision erhalten.</p>',
      '<p>Dieser Text steht unter der Lizenz CC BY-SA 4.0.</p>',
    ],
    [
      'Vietnamese',
      '<p>Mời bạn đọc theo dõi tin tức mới nhất trên trang của chúng tôi.</p>',
      '<p>Mời quý độc giả đăng ký nhận bản tin hằng tuần.</p>',
      '<p><em>Tải ứng dụng của báo để đọc tin mọi lúc, mọi nơi.</em></p>',
      '<p>Bản quyền thuộc về tòa soạn. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p>',
    ],
  ])('drops the appeals and the terms that end a story in %s', (_language, ...lines) => {
    expect(paragraphsOfResult(ending(...lines))).toEqual(story);
  });

  it.each([
    [
      'English',
      '<p>Share this article</p>',
      '<p>Write to us: submit a letter to the editor through the form on our site.</p>',
      '<p>Get the latest stories from the region every morning in your inbox.</p>',
      '<p>You must be logged in to post a comment.</p>',
      '<p>No comments yet.</p>',
      '<p>Leave a comment</p>',
      '<p>Load more …</p>',
      '<p><a href="/">Back to the overview</a></p>',
    ],
    [
      'German',
      '<p>Gefällt er Ihnen? Dann diesen Artikel teilen!</p>',
      '<p>Sie müssen angemeldet sein, um einen Kommentar zu verfassen.</p>',
      '<p>Keine Kommentare (sie erscheinen nach der Prüfung durch die Redaktion)</p>',
      '<p>Kommentar schreiben</p>',
      '<p>Kommentare insgesamt: 4</p>',
      '<p>Weitere Artikel laden</p>',
      '<p>Zurück zur Übersicht</p>',
    ],
    [
      'Vietnamese',
      '<p>Chia sẻ bài viết</p>',
      '<p>Bạn cần đăng nhập để gửi bình luận.</p>',
      '<p>Chưa có bình luận</p>',
      '<p>Viết bình luận</p>',
      '<p>Quay lại</p>',
    ],
  ])("drops what a comment section and the page's controls leave in %s", (_language, ...lines) => {
    expect(paragraphsOfResult(ending(...lines))).toEqual(story);
  });

  it.each([
    'Residents are asked to follow the instructions of local authorities.',
    'The new provisions take effect on 1 July 2026.',
    'Drivers must renew their licence before the end of March.',
    'The operator now has more than 60 million mobile subscribers.',
    'Citizens can download the application form from the provincial portal.',
    'The draft law on copyright and related rights will be submitted in May.',
    'The ministry called for full disclosure of the contracts.',
    'The company is not responsible for the damage, the court ruled.',
    'Over 2,000 firms will sign up to the programme.',
    'The opinions expressed by the minister were welcomed by the delegates.',
    'Das Verbot der Werbung für Tabak gilt ab dem kommenden Jahr.',
    'Die Lizenzen für den Mobilfunk werden im Herbst versteigert.',
    'Künftig soll die Provision für Makler gedeckelt werden.',
    'Zeugen werden gebeten, sich bei der Polizei zu melden.',
    'Người dân được đề nghị theo dõi hướng dẫn của chính quyền địa phương.',
    'Dự thảo luật về quyền tác giả (copyright) sẽ được trình Quốc hội vào tháng 5.',
    'Người dân có thể tải ứng dụng trên điện thoại để nộp hồ sơ trực tuyến.',
    'Số doanh nghiệp đăng ký thành lập mới trong quý I tăng 12% so với cùng kỳ.',
    'The minister declined to comment on the report.',
    'No comments were received during the consultation period.',
    'Residents can leave comments on the draft plan until 1 May.',
    'Officials will share the findings of this study with every province.',
    'The council received more than 40 letters from residents about the road.',
    'Back to school: the new term begins on 5 September.',
    'Let us know what you think in the comments below.',
    'Die Polizei wollte den Vorfall am Abend nicht kommentieren.',
    'Wie Nutzer in den Kommentaren schrieben, war der Zug überfüllt.',
    'Wer an der Versammlung teilnehmen will, muss angemeldet sein.',
    'Die Ergebnisse der Studie sollen im Herbst mit den Ländern geteilt werden.',
    'Bộ trưởng không bình luận về vụ việc.',
    'Người dân có thể gửi ý kiến góp ý dự thảo đến hết ngày 15/5.',
    // The notices' own words inside a sentence of the story.
    'People should not share this story or any other unchecked report on social media.',
    "The ministry will share this article's findings with every province next month.",
    'Công an khuyến cáo người dân không chia sẻ bài viết chưa được kiểm chứng trên mạng xã hội.',
    'Hành vi chia sẻ bài viết sai sự thật có thể bị phạt tới 10 triệu đồng.',
    'To join the consultation, you must be logged in with a citizen account to comment on the draft decree.',
    'Để góp ý dự thảo, bạn cần đăng nhập Cổng Dịch vụ công và bình luận ngay dưới văn bản.',
    'Bạn cần đăng nhập tài khoản định danh để bình luận về dự thảo nghị định.',
    'Sie müssen angemeldet sein, um Kommentare zum Entwurf der Verordnung abzugeben.',
    'Get the latest news on water levels by calling the provincial flood hotline 1022.',
    'Readers who disagree with the ruling can send letters to the editor of the provincial paper.',
    'Members of the public may submit a letter to the editor of the gazette to correct an error.',
    'Back to normal',
    'Zurück zur Normalität',
    'No comment.',
  ])('keeps a story whose last sentence is "%s"', (sentence) => {
    expect(paragraphsOfResult(ending(`<p>${sentence}</p>`))).toEqual([...story, sentence]);
  });

  it('stops at the first line of the story above an appeal', () => {
    const sentence = 'Drivers must renew their licence before the end of March.';
    expect(paragraphsOfResult(ending(`<p>${sentence}</p>`, '<p>Subscribe now.</p>'))).toEqual([...story, sentence]);
  });

  it('drops the heading over a notice that goes', () => {
    const result = ending('<h3>Hinweis</h3><p>Dieser Text steht unter der Lizenz CC BY 4.0.</p>');
    expect(paragraphsOfResult(result)).toEqual(story);
  });
});

describe('captions', () => {
  const caption =
    'Bộ trưởng tiếp đoàn công tác của Chương trình Lương thực Thế giới tại trụ sở Bộ ở Hà Nội sáng 25/1 — © Ảnh: Nguyễn Văn A';
  const gallery = `<div class="gallery">${[1, 2, 3].map((n) => `<figure><img src="${n}.jpg"><figcaption>${caption} ${n}</figcaption></figure>`).join('')}</div>`;
  it('leaves a gallery’s captions out where the article has a body of prose of its own', () => {
    const result = extractArticle(
      page(`<h1>Cải cách hành chính</h1><article>${gallery}<p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></article>`),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.text).toContain(PROSE.trim());
    expect(result.article.text).not.toContain('Nguyễn Văn A');
  });
  it('leaves out the caption of a photo beside a body of text, as a <figcaption> or a box named as one', () => {
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><article><p>${PROSE}</p>` +
          '<figure><img src="a.jpg"><figcaption>Quang cảnh phiên họp tại điểm cầu UBND tỉnh.</figcaption></figure>' +
          `<p>${PROSE}</p><div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">Đoàn công tác tại Hà Nội.</p></div>` +
          `<p>${PROSE}</p></article>`,
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.paragraphs).toEqual([PROSE.trim(), PROSE.trim(), PROSE.trim()]);
  });
  it('keeps the caption of a short notice whose text is not much more than it', () => {
    const notice = 'Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân tháng 3 tại trụ sở số 2 đường Trần Phú.';
    const result = extractArticle(
      page(
        `<h1>Lịch tiếp công dân</h1><article><p>${notice}</p><p>${notice}</p>` +
          '<figure><img src="a.jpg"><figcaption>Trụ sở tiếp công dân của tỉnh.</figcaption></figure></article>',
      ),
    );
    expect(result.ok && result.article.text).toContain('Trụ sở tiếp công dân của tỉnh.');
  });
  it('reads a photo story’s captions as its text', () => {
    const result = extractArticle(page(`<h1>Cải cách hành chính</h1><article>${gallery}</article>`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.text).toContain(`${caption} 3`);
  });
  it('keeps the short captions of a photo story whose long captions read as paragraphs', () => {
    const long = (n: number) =>
      `Ảnh ${n}: Người dân xã vùng cao dựng lại nhà sau trận lũ quét, bộ đội và thanh niên tình nguyện cùng vận chuyển vật liệu lên bản trong ngày thứ ${n} của đợt cứu trợ.`;
    const short = (n: number) => `Ảnh ${n}b: Bữa cơm của các chiến sĩ giữa công trường dựng nhà, ngày thứ ${n}.`;
    const figures = [1, 2, 3, 4, 5, 6]
      .map(
        (n) =>
          `<figure><img src="${n}.jpg"><figcaption>${long(n)}</figcaption></figure>` +
          `<figure><img src="${n}b.jpg"><figcaption>${short(n)}</figcaption></figure>`,
      )
      .join('');
    const result = extractArticle(
      page(`<h1>Dựng lại bản sau lũ</h1><article><p>Một tuần sau lũ, bản làng dần hồi sinh.</p>${figures}</article>`),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.text).toContain(long(6));
    expect(result.article.text).toContain(short(6));
  });
  it('leaves out captions set in <div> boxes beside a photo', () => {
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><article><p>${PROSE}</p>` +
          '<img src="a.jpg"><div class="image-caption">Đoàn công tác làm việc tại xã.</div>' +
          `<p>${PROSE}</p><div class="photo"><img src="b.jpg"><div class="PhotoCMS_Caption"><p>Lãnh đạo tỉnh trao quà cho các hộ dân.</p></div></div>` +
          `<p>${PROSE}</p><div class="photo"><img src="c.jpg"></div><div class="caption"><p>Quang cảnh hội nghị.</p></div>` +
          '<div class="image"><img src="d.jpg"></div><div class="author"></div>' +
          '<div class="field-caption"><div class="field-content">Người dân nhận quà Tết.</div></div>' +
          '<img src="e.jpg"><p class="photo-caption">Cánh đồng lúa vào vụ gặt.</p><p class="photo-caption source">Ảnh: Minh Anh</p>' +
          '</article>',
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.paragraphs).toEqual([PROSE.trim(), PROSE.trim(), PROSE.trim()]);
  });
  it('keeps text a theme names a caption away from a photo, headings and tables, and boxes that say "no-caption"', () => {
    const subheading = 'Những điểm mới của Nghị định';
    const tableTitle = 'Bảng 1: Kết quả giải ngân vốn đầu tư công theo quý.';
    const quote = 'Thủ tướng nhấn mạnh: "Không để người dân nào thiếu nhà ở trước mùa mưa bão."';
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><article><p>${PROSE}</p><figure><img src="a.jpg"></figure>` +
          `<h2 class="section-caption">${subheading}</h2><p>${PROSE}</p>` +
          `<p class="table-caption">${tableTitle}</p><table><tr><td>Quý I</td><td>12%</td></tr></table>` +
          `<div class="image no-caption"><img src="b.jpg"><p>${quote}</p></div><p>${PROSE}</p></article>`,
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.paragraphs).toEqual(expect.arrayContaining([subheading, tableTitle, quote]));
  });
});

describe('headings that hold the article', () => {
  it('keeps a heading at the end that holds sentence after sentence', () => {
    const sentences = 'Đoàn kiểm tra đã làm việc với ba sở trong tuần. Kết quả sẽ được công bố vào cuối tháng.';
    const result = extractArticle(
      page(`<h1>Cải cách hành chính</h1><article><p>${PROSE}</p><p>${PROSE}</p><h4>${sentences}</h4></article>`),
    );
    expect(result.ok && result.article.text).toContain(sentences);
  });
  it('keeps a heading element that wraps the paragraphs of the article', () => {
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><main><h2><div><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div></h2></main>`,
      ),
    );
    expect(result.ok && result.article.text).toContain(PROSE.trim());
  });
});

describe('a short first pick', () => {
  it('looks on past a notice box when the article sits where Readability first looks away', () => {
    const notice =
      'Trang web này dùng cookie để ghi nhớ lựa chọn của bạn và đo lượng truy cập. Bạn có thể đổi cài đặt bất cứ lúc nào trong mục quyền riêng tư ở cuối trang. ';
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><div class="notice"><p>${notice}</p><p>${notice}</p></div>` +
          `<div class="sidebar"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>`,
      ),
    );
    expect(result.ok && result.article.text).toContain(PROSE.trim());
  });
});

describe('an article written out only in <noscript>', () => {
  // The page fills the post from a script template; with scripting on, the parser keeps the
  // <noscript> copy as one text node of markup.
  const scriptedPost = (fallback: string) =>
    `<header><p>Cổng thông tin điện tử của tỉnh</p></header><h1>Cải cách hành chính</h1>` +
    `<div class="post"><script type="text/template"><p>${PROSE}</p></script><noscript>${fallback}</noscript></div>` +
    `<footer><p>Liên hệ</p></footer>`;
  // Article-sized: a fallback of less rendered text than Readability's 500 characters is not read.
  const article = `<p>${PROSE}</p><p><strong>Kết quả</strong></p><p>${PROSE}</p><p>${PROSE}</p><img src="anh.jpg" alt="">`;

  it('reads the fallback as markup when the page has no other article', () => {
    const result = extractArticle(page(scriptedPost(article)), { parseHtml });
    expect(result.ok && result.article.paragraphs).toEqual([PROSE.trim(), 'Kết quả', PROSE.trim(), PROSE.trim()]);
    expect(JSON.stringify(result)).not.toMatch(/<p>|<img/);
  });
  it('says "no article" without a parser for the markup, and for a fallback that is only a pixel or a line', () => {
    expect(extractArticle(page(scriptedPost(article)))).toMatchObject({ ok: false, reason: 'not-article' });
    const pixel =
      '<img height="1" width="1" alt="" src="https://pixel.example.net/collect?id=12345&amp;event=pageview&amp;noscript=1&amp;ref=https%3A%2F%2Ftin.example.vn%2Fbai-viet-1.html&amp;campaign=thong-tin-dien-tu-tinh&amp;cb=9876543210">';
    expect(extractArticle(page(scriptedPost(pixel)), { parseHtml })).toMatchObject({
      ok: false,
      reason: 'not-article',
    });
    const line = '<p>Vui lòng bật JavaScript để xem trang này.</p>';
    expect(extractArticle(page(scriptedPost(line)), { parseHtml })).toMatchObject({ ok: false, reason: 'not-article' });
  });
  it('leaves a page that is already an article as it is', () => {
    const notice = `<p>${PROSE.replace('Năm 2023', 'Bản xem không có JavaScript')}</p>`;
    const result = extractArticle(
      page(
        `<h1>Cải cách hành chính</h1><article><p>${PROSE}</p><p>${PROSE}</p><noscript>${notice}</noscript></article>`,
      ),
      { parseHtml },
    );
    expect(result.ok && result.article.text).not.toContain('Bản xem không có JavaScript');
  });
  it('leaves a landing page whose <noscript> asks to turn JavaScript on refused', () => {
    const links = Array.from({ length: 40 }, (_, n) => `<li><a href="/tin-${n}.html">Tin số ${n} của cổng</a></li>`);
    const notice =
      '<div><p>JavaScript is turned off in your browser. This portal needs it for its menus, its search box and its online forms.</p>' +
      '<p>To use every service of the portal, please turn JavaScript on in the settings of your browser. The help page explains how for each browser.</p></div>';
    const landing = page(`<h1>Cổng thông tin điện tử</h1><ul>${links.join('')}</ul><noscript>${notice}</noscript>`);
    expect(extractArticle(landing, { parseHtml })).toMatchObject({ ok: false, reason: 'not-article' });
  });
  it("keeps the fallback's elements out of the page and out of the result, which is its text", () => {
    const active =
      `<p>${PROSE}</p><img src="/beacon?read=1" onerror="document.title='pwned'"><script>document.title='pwned'</script>` +
      `<iframe src="/frame"></iframe><p>${PROSE}</p><p>${PROSE}</p>`;
    const doc = page(scriptedPost(active));
    const before = doc.documentElement.outerHTML;
    const result = extractArticle(doc, { parseHtml });
    expect(result.ok && result.article.paragraphs).toEqual([PROSE.trim(), PROSE.trim(), PROSE.trim()]);
    expect(JSON.stringify(result)).not.toMatch(/beacon|pwned|frame|<img|<script|<iframe/);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
  it('refuses a page too large to read once its fallback is read as markup', () => {
    const huge = `<p>${PROSE}</p>${'<p>x</p>'.repeat(MAX_ELEMENTS)}`;
    expect(extractArticle(page(scriptedPost(huge)), { parseHtml })).toMatchObject({ ok: false, reason: 'too-large' });
  });
  it('does not read the fallback once the first reading has spent the budget', () => {
    const doc = page(scriptedPost(article));
    // The first reading's clock readings, counted: the next one after them finds the budget spent.
    let readings = 0;
    extractPage(doc, { budget: { ms: 1, now: () => (readings++, 0) } });
    let calls = 0;
    const now = () => (++calls > readings + 1 ? 1e9 : 0);
    expect(extractArticle(doc, { parseHtml, budget: { ms: 1, now } })).toMatchObject({ ok: false, reason: 'too-slow' });
  });
  it("marks the first reading's decisions as discarded in the trace", () => {
    const decisions: Decision[] = [];
    extractArticle(page(scriptedPost(article)), { parseHtml, explain: (made) => decisions.push(made) });
    const refusal = decisions.find((made) => made.rule === 'not-article');
    expect(refusal).toMatchObject({ action: 'rejected', discarded: true });
    expect(decisions.find((made) => made.rule === 'noscript-fallback')).toMatchObject({ action: 'chosen' });
    expect(decisions.filter((made) => made.rule === 'readability' && !made.discarded)).toHaveLength(1);
  });
});

describe('picture credits as lines of their own', () => {
  const article = (line: string) =>
    extractArticle(page(`<h1>Tin tức</h1><article><p>${PROSE}</p>${line}<p>${PROSE}</p></article>`));
  it.each([
    'Titelbild: Agentur Muster / Erika Beispiel',
    'Beitragsbild: Archiv der Redaktion',
    'Featured image: Example Agency',
    'Crédits photos : Agence Exemple',
    'Photograph by A. Nguyen, Example Wildlife Trust',
    'Photo by Erika Beispiel on Unsplash',
  ])('drops "%s"', (line) => {
    expect(article(`<p>${line}</p>`)).toMatchObject({
      ok: true,
      article: { paragraphs: [PROSE.trim(), PROSE.trim()] },
    });
  });
  it.each([
    'Leitbild: Die Stadt will bis 2030 klimaneutral werden.',
    'Photographs by the families of the victims were shown in court.',
    // "… by" with the words of a credit, in a sentence that does not end in a full stop.
    'Photographs by residents showed what one officer called “a river where the road used to be.”',
    'Photos by the coast guard show the vessel listing badly…',
  ])('keeps "%s"', (line) => {
    expect(article(`<p>${line}</p>`)).toMatchObject({
      ok: true,
      article: { paragraphs: [PROSE.trim(), line, PROSE.trim()] },
    });
  });
  it('keeps a title in a sentence that reads like a credit', () => {
    const sentence = 'The exhibition <em>Photographs by War Reporters</em> opens at the provincial museum on Monday.';
    expect(article(`<p>${sentence}</p>`)).toMatchObject({
      ok: true,
      article: { paragraphs: [PROSE.trim(), sentence.replace(/<\/?em>/g, ''), PROSE.trim()] },
    });
  });
  it('cuts the credit, not a line beside it in the same short wrapper', () => {
    const council = 'Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen.';
    expect(article(`<div class="intro"><p>Beitragsbild: Erika Muster</p><p>${council}</p></div>`)).toMatchObject({
      ok: true,
      article: { paragraphs: [PROSE.trim(), council, PROSE.trim()] },
    });
  });
});

describe("a consent tool's placeholder for an embed", () => {
  const article = (middle: string) =>
    extractArticle(page(`<h1>Tin tức</h1><article><p>${PROSE}</p>${middle}<p>${PROSE}</p></article>`));
  it.each([
    '<div class="embed"><div><strong>Eingebetteter Beitrag</strong></div><p>Tippen Sie auf „Anzeigen“, um die Inhalte von karte.example.org zu laden.</p><p><a href="#">Anzeigen</a></p></div>',
    '<div class="embed"><h4>Inhalt eines Drittanbieters</h4><div>Zum Schutz Ihrer Daten haben wir das Laden von Inhalten aus video.example.net blockiert.</div><p><label><input type="checkbox"> Ich stimme zu, dass beim Anzeigen des Inhalts Daten an den Anbieter übertragen werden, und kann das jederzeit widerrufen.</label></p></div>',
    '<div class="embed"><p>Wir achten auf deine Privatsphäre: ohne dein Einverständnis stellen wir keine Verbindung zum Kartendienst her.</p><p><a href="#">Einstellungen</a></p></div>',
  ])('drops it with its title and buttons: %s', (middle) => {
    expect(article(middle)).toMatchObject({ ok: true, article: { paragraphs: [PROSE.trim(), PROSE.trim()] } });
  });
  it.each([
    'Die Behörde gab die Daten ohne ihre Zustimmung weiter, kritisierte die Datenschützerin.',
    // The placeholders' words inside a sentence of the story.
    'Viele Jugendliche nutzen ein VPN, um die Inhalte von Streamingdiensten zu sehen.',
    'Der Anbieter hatte Fotos der Kinder ohne ihre Zustimmung hochgeladen, teilte die Polizei mit.',
    '„Wir haben das Laden der Inhalte von Staatssendern blockiert“, sagte der Sprecher des Anbieters.',
    'The ministry warned that some apps read contacts without your consent and download files in the background.',
    'Click here to view the map of evacuation routes published by the provincial committee.',
  ])('keeps "%s"', (line) => {
    expect(article(`<p>${line}</p>`)).toMatchObject({
      ok: true,
      article: { paragraphs: [PROSE.trim(), line, PROSE.trim()] },
    });
  });
  it('cuts the message, not a paragraph beside it in the same wrapper', () => {
    const paragraph = 'Der Kreistag beschloss am Dienstag den Ausbau des Radwegs zwischen den beiden Ortsteilen.';
    const message =
      'Klicken Sie auf den Button „Inhalt laden“, um den Inhalt von video.example.org zu laden und anzuzeigen.';
    expect(article(`<div class="section"><p>${message}</p><p>${paragraph}</p></div>`)).toMatchObject({
      ok: true,
      article: { paragraphs: [PROSE.trim(), paragraph, PROSE.trim()] },
    });
  });
});
