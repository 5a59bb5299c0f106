import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { findRelated, Page } from '../../lib/related';
import { classifyHeading, labelLine } from '../../lib/related/items';

const PAGE = 'https://tinhoc.vn/thoi-su/bai-viet-chinh-102260301.htm';

/** An article page around the given markup: a title, a lead and body paragraphs, then `after`. */
function page(inBody: string, after = '', before = ''): string {
  const paragraph = (n: number) =>
    `<p>Đoạn ${n} của bài viết chính kể lại diễn biến cuộc họp và các quyết định quan trọng của Chính phủ.</p>`;
  return `<!doctype html><html><head><title>Bài</title></head><body>
    <header><nav class="main-menu"><a href="/thoi-su.htm">Thời sự</a><a href="/kinh-te.htm">Kinh tế</a></nav></header>
    <main><article>
      <h1>Tiêu đề bài viết chính</h1>
      ${before}
      <div class="body">${paragraph(1)}${paragraph(2)}${inBody}${paragraph(3)}${paragraph(4)}</div>
      ${after}
    </article></main>
    <footer><p>Bản quyền thuộc về tòa soạn, ghi rõ nguồn khi phát hành lại thông tin.</p></footer>
  </body></html>`;
}

function run(html: string, url = PAGE) {
  const doc = parseHtml(html, url);
  const result = findRelated(doc, url);
  return { doc, ...result, urls: result.stories.map((story) => story.url), titles: result.stories.map((s) => s.title) };
}

/** Body text after the blocks are removed, as the extractor will see it. */
function textWithout(doc: Document, blocks: Element[]): string {
  for (const block of blocks) block.remove();
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ');
}

const teaser = (slug: string, title: string, summary = '') =>
  `<li><a href="/${slug}.htm"><img data-src="/img/${slug}.jpg" src="data:image/gif;base64,R0lGOD"></a>` +
  `<h3><a href="/${slug}.htm">${title}</a></h3>${summary ? `<p>${summary}</p>` : ''}</li>`;

const THREE = [
  teaser('chinh-sach-moi-thang-2-102260201', 'Chính sách mới có hiệu lực từ tháng 2'),
  teaser('chinh-sach-moi-thang-1-102260101', 'Chính sách mới có hiệu lực từ tháng 1'),
  teaser('chinh-sach-moi-thang-12-102251201', 'Chính sách mới có hiệu lực từ tháng 12'),
].join('');

describe('RELATED_HEADING: a heading and the list after it', () => {
  it('reads the list under "Tin liên quan", with the heading, absolute URLs and pictures', () => {
    const { stories, blocks, doc } = run(page('', `<div class="box"><h3>Tin liên quan</h3><ul>${THREE}</ul></div>`));
    expect(stories.map((s) => s.title)).toEqual([
      'Chính sách mới có hiệu lực từ tháng 2',
      'Chính sách mới có hiệu lực từ tháng 1',
      'Chính sách mới có hiệu lực từ tháng 12',
    ]);
    expect(stories[0]).toMatchObject({
      url: 'https://tinhoc.vn/chinh-sach-moi-thang-2-102260201.htm',
      image: 'https://tinhoc.vn/img/chinh-sach-moi-thang-2-102260201.jpg',
      heading: 'Tin liên quan',
    });
    // The removed block is the box, heading included, not the article around it.
    expect(blocks.map((b) => b.className)).toEqual(['box']);
    const text = textWithout(doc, blocks);
    expect(text).not.toContain('Tin liên quan');
    expect(text).toContain('Đoạn 4 của bài viết chính');
  });

  it.each([
    ['<h2>TIN LIÊN QUAN</h2>', 'TIN LIÊN QUAN'],
    ['<div class="title">tin cùng chuyên mục</div>', 'tin cùng chuyên mục'],
    ['<span class="head"><strong>Có thể bạn quan tâm:</strong></span>', 'Có thể bạn quan tâm:'],
    ['<p><b>Tham khảo thêm</b></p>', 'Tham khảo thêm'],
    ['<h4>Mehr zum Thema</h4>', 'Mehr zum Thema'],
    ['<h3>Siehe auch:</h3>', 'Siehe auch:'],
    ['<h2>Related</h2>', 'Related'],
    ['<h3>Das könnte Sie auch interessieren</h3>', 'Das könnte Sie auch interessieren'],
  ])('recognises %s whatever the element, case or colon', (heading, text) => {
    const { stories } = run(page('', `<section>${heading}<ul>${THREE}</ul></section>`));
    expect(stories).toHaveLength(3);
    expect(stories.every((s) => s.heading === text)).toBe(true);
  });

  it.each([
    ['Das könnte dich auch interessieren', 'related'],
    ['Weiterführende Links:', 'related'],
    ['Mehr Themen', 'related'],
    ['Zum Weiterlesen', 'related'],
    ['Noch mehr Beiträge zum Thema', 'related'],
    ['Lesen Sie dazu auch:', 'related'],
    // A teaser's own link text, and the usual heading of forms and documents.
    ['Weiterlesen', 'neutral'],
    ['Mehr Infos', 'neutral'],
  ])('classifies the heading %s as %s', (text, kind) => {
    expect(classifyHeading(text)).toBe(kind);
  });

  it('takes an inline "Lesen Sie auch:" line in the body, and only that line', () => {
    const line = `<p><strong>Lesen Sie auch:</strong> <a href="/DE/2022/0126-ehrenamt-staerken.html">Ehrenamt stärken auf dem Land</a></p>`;
    const url = 'https://www.bmel.de/DE/themen/zukunftsforum-2022.html';
    const { stories, blocks, doc } = run(page(line), url);
    expect(stories).toEqual([
      {
        title: 'Ehrenamt stärken auf dem Land',
        url: 'https://www.bmel.de/DE/2022/0126-ehrenamt-staerken.html',
        heading: 'Lesen Sie auch:',
      },
    ]);
    expect(blocks.map((b) => b.tagName)).toEqual(['P']);
    expect(textWithout(doc, blocks)).toContain('Đoạn 3 của bài viết chính');
  });

  it('takes a "Xem thêm:" line whose label is plain text before the link', () => {
    const line = `<p>Xem thêm: <a href="/chinh-sach-moi-thang-2-102260201.htm">Chính sách mới có hiệu lực từ tháng 2</a></p>`;
    expect(run(page(line)).titles).toEqual(['Chính sách mới có hiệu lực từ tháng 2']);
  });

  it.each([
    ['<p><strong>Xem thêm: <a href="/chinh-sach-moi-thang-2-102260201.htm">Giá vàng tăng mạnh</a></strong></p>'],
    ['<p><b>LEA TAMBIÉN:&nbsp;<a href="/chinh-sach-moi-thang-2-102260201.htm">Giá vàng tăng mạnh</a></b></p>'],
    ['<h3>Mira: <a href="/chinh-sach-moi-thang-2-102260201.htm">Giá vàng tăng mạnh</a></h3>'],
    ['<p><em>Read more</em>: <a href="/chinh-sach-moi-thang-2-102260201.htm">Giá vàng tăng mạnh</a></p>'],
  ])('takes a line of a label and one link set in the body, label and link in one wrapper: %s', (line) => {
    // A short title: no list rule takes a lone link of four words.
    const { titles, blocks, doc } = run(page(line));
    expect(titles).toEqual(['Giá vàng tăng mạnh']);
    const text = textWithout(doc, blocks);
    expect(text).not.toContain('Giá vàng tăng mạnh');
    expect(text).toContain('Đoạn 3 của bài viết chính');
  });

  describe('a label line: a block holding one link and, beside it, a label of its own', () => {
    const url = 'https://bao.example.vn/xa-hoi/tin-chinh-4401.html';
    const link = '<a href="/xa-hoi/cau-moi-qua-song-4402.html">Cây cầu mới qua sông mở cửa đón xe</a>';
    /** The block `labelLine` gives for the page's only link, as a tag name, or null. */
    const labelBlock = (body: string) => {
      const page = new Page(parseHtml(`<!doctype html><html><body>${body}</body></html>`, url), url);
      const block = labelLine(page, page.links(0)[0]!);
      return block === null ? null : (page.element(block)?.tagName ?? null);
    };

    it('is a label line when a short label sits in a wrapper before the link', () => {
      expect(labelBlock(`<p><strong>Xem thêm:</strong> ${link}</p>`)).toBe('P');
    });

    it.each([`<p>&nbsp;${link}&nbsp;</p>`, `<p><span> </span>${link}</p>`, `<p><span></span>${link}</p>`])(
      'is not a label line when only white space or empty wrappers sit beside the link: %s',
      (body) => {
        expect(labelBlock(body)).toBeNull();
      },
    );
  });

  it('leaves a line whose label is not a related one in the text', () => {
    const source = `<p><strong>Nguồn: <a href="/chinh-sach-moi-thang-2-102260201.htm">Giá vàng tăng mạnh</a></strong></p>`;
    expect(run(page(source)).stories).toEqual([]);
  });

  it('ends the block where the article goes on, even when its paragraphs hold links', () => {
    const inBody = `<h3>Tin liên quan</h3><ul>${THREE}</ul>
      <p>Theo <a href="/nghi-dinh-68-102260305.htm">Nghị định 68</a>, hộ kinh doanh có doanh thu dưới 500 triệu đồng mỗi năm được miễn thuế.</p>`;
    const { stories, doc, blocks } = run(page(inBody));
    expect(stories).toHaveLength(3);
    expect(textWithout(doc, blocks)).toContain('hộ kinh doanh có doanh thu dưới 500 triệu đồng');
  });

  it("does not take the heading's own link to its section for a story", () => {
    const html = page(
      '',
      `<div class="box"><h3><a href="/giai-tri/">Cùng chuyên mục</a></h3><div>${THREE}</div></div>`,
    );
    expect(run(html).urls).toHaveLength(3);
  });

  it('does not read "Xem thêm trên Báo X" (a site feed) or an expander "Xem thêm..." as a heading', () => {
    const feed = `<section><div class="head">Xem thêm trên Báo Đầu Tư</div><ul>${THREE}</ul></section>`;
    const expander = `<section><span>Xem thêm...</span><ul>${THREE}</ul></section>`;
    // Outside the article, where only a related heading or class could make them related.
    expect(run(page('').replace('</main>', `</main>${feed}`)).stories).toEqual([]);
    expect(run(page('').replace('</main>', `</main>${expander}`)).stories).toEqual([]);
    expect(
      run(page('').replace('</main>', `</main><section><span>Xem thêm</span><ul>${THREE}</ul></section>`)).stories,
    ).toHaveLength(3);
  });

  it('keeps an empty related box as a block (its heading must not reach the text) without swallowing the next box', () => {
    const html = page(
      '',
      `<section class="box box--interest"><h2 class="box__title">Có thể bạn quan tâm</h2><div class="box__content"></div></section>
       <section class="box box--same"><h2 class="box__title"><a href="/chinh-tri/">Tin cùng chuyên mục</a></h2><div>${THREE}</div></section>`,
    );
    const { stories, blocks } = run(html);
    expect(stories.map((s) => s.heading)).toEqual(Array(3).fill('Tin cùng chuyên mục'));
    expect(blocks.map((b) => b.className)).toEqual(['box box--interest', 'box box--same']);
  });

  it('merges a label repeated on every item ("Tham khảo thêm" per li) into one block', () => {
    const items = ['mot-102260211', 'hai-102260212', 'ba-102260213']
      .map(
        (slug, i) =>
          `<li><span class="label">Tham khảo thêm</span><div><h4><a href="/${slug}.htm">Quy định mới số ${i + 1} về giám sát</a></h4></div></li>`,
      )
      .join('');
    const { stories, blocks, doc } = run(page(`<div class="box-wrap"><ul>${items}</ul></div>`));
    expect(stories).toHaveLength(3);
    expect(stories.every((s) => s.heading === 'Tham khảo thêm')).toBe(true);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.className).toBe('box-wrap');
    expect(textWithout(doc, blocks)).toContain('Đoạn 3 của bài viết chính');
  });

  it('strips a label that sits inside each teaser link ("Related" + title)', () => {
    const card = (slug: string, title: string) =>
      `<div class="card"><a href="https://jis.gov.jm/${slug}/"><img src="/${slug}.jpg"><div class="related-label">Related</div><div class="related-title">${title}</div></a></div>`;
    const html = page(
      '',
      '',
      `<div class="cards">${card('dcfs-online-registration', 'DCFS Online Registration Now Operational')}${card('ip-week-celebration', 'Stakeholders Invited To Celebrate IP Week')}</div>`,
    );
    const { stories } = run(html, 'https://jis.gov.jm/wide-range-of-investment-opportunities/');
    expect(stories.map((s) => [s.title, s.heading])).toEqual([
      ['DCFS Online Registration Now Operational', 'Related'],
      ['Stakeholders Invited To Celebrate IP Week', 'Related'],
    ]);
  });

  it('resolves relative links against <base href>', () => {
    const html = `<html><head><base href="https://www.bundesrat.de/"></head><body><h1>Gedenken</h1>
      <div><p>Ein Bericht über die Gedenkstunde im Bundestag, mit vielen Reden und Gästen aus aller Welt.</p></div>
      <div class="related"><h3>Mehr zum Thema:</h3><ul><li><a href="SharedDocs/texte/22/20220122-weremember.html?nn=4969076">#WeRemember - Bundesrat erinnert an die Opfer</a></li></ul></div></body></html>`;
    const url = 'https://www.bundesrat.de/SharedDocs/texte/22/20220127-gedenkstunde.html';
    expect(run(html, url).urls).toEqual([
      'https://www.bundesrat.de/SharedDocs/texte/22/20220122-weremember.html?nn=4969076',
    ]);
  });
});

describe('deduplication and order', () => {
  it('makes one item of a thumbnail link and a title link to the same story', () => {
    const { stories } = run(page('', `<div><h3>Tin liên quan</h3><ul>${THREE}</ul></div>`));
    expect(stories).toHaveLength(3);
    expect(stories.every((s) => s.image)).toBe(true);
  });

  it('lists a story shown twice (in-body box and end box) once, in page order, completed from both', () => {
    const inBody = `<div class="article-relate"><article><h2><a href="/bay-ngoi-sao-102260301.htm">Bảy ngôi sao khiến nhà đầu tư mạnh tay</a></h2></article></div>`;
    const end = `<div class="box"><h3>Xem thêm</h3><ul>${teaser('bay-ngoi-sao-102260301', 'Bảy ngôi sao khiến nhà đầu tư mạnh tay')}${THREE}</ul></div>`;
    const { stories } = run(page(inBody, end));
    expect(stories.map((s) => s.title)[0]).toBe('Bảy ngôi sao khiến nhà đầu tư mạnh tay');
    expect(stories).toHaveLength(4);
    expect(stories[0]).toMatchObject({
      heading: 'Xem thêm',
      image: 'https://tinhoc.vn/img/bay-ngoi-sao-102260301.jpg',
    });
  });

  it('ignores tracking parameters and fragments when comparing links', () => {
    const list = `<li><a href="/mot-102260211.htm?utm_source=box">Quy định mới thứ nhất về giám sát</a></li><li><a href="/mot-102260211.htm#top">Quy định mới thứ nhất về giám sát</a></li>`;
    expect(run(page('', `<div><h3>Tin liên quan</h3><ul>${list}</ul></div>`)).stories).toHaveLength(1);
  });
});

describe('RELATED_HINT: a class, id or data attribute names the box', () => {
  it('finds a heading-less box classed "relatedbox" inside the body and leaves the paragraphs around it', () => {
    const box = `<div class="kbwscwl-relatedbox"><ul>${THREE}</ul></div>`;
    const { stories, blocks, doc } = run(page(box));
    expect(stories).toHaveLength(3);
    expect(stories[0]?.heading).toBeUndefined();
    const text = textWithout(doc, blocks);
    expect(text).toContain('Đoạn 2 của bài viết chính');
    expect(text).toContain('Đoạn 3 của bài viết chính');
    expect(text).not.toContain('Chính sách mới có hiệu lực');
  });

  it('reads data-source="related-news" on a sidebar outside the article', () => {
    const side = `<aside><div data-source="related-news-video">${THREE.replace(/<\/?li>/g, '')}</div></aside>`;
    expect(run(page('').replace('</main>', `</main>${side}`)).stories).toHaveLength(3);
  });

  it('reads a single related story box after the body, with its summary', () => {
    const one = `<div class="news_relate_one"><a class="thumb" href="/xu-phat-hai-ca-nhan-102250101.htm"><img src="/a.jpg"></a>
      <div><a href="/xu-phat-hai-ca-nhan-102250101.htm">Xử phạt hai cá nhân thao túng cổ phiếu SJS</a>
      <div class="sapo">Hai cá nhân này vừa bị xử phạt tổng cộng 3 tỷ đồng đối với hành vi thao túng.</div></div></div>`;
    const { stories } = run(page('', one));
    expect(stories).toEqual([
      {
        title: 'Xử phạt hai cá nhân thao túng cổ phiếu SJS',
        url: 'https://tinhoc.vn/xu-phat-hai-ca-nhan-102250101.htm',
        summary: 'Hai cá nhân này vừa bị xử phạt tổng cộng 3 tỷ đồng đối với hành vi thao túng.',
        image: 'https://tinhoc.vn/a.jpg',
      },
    ]);
  });

  it('drops a hinted box whose heading says most read', () => {
    const box = `<div class="related-box"><h3>Tin đọc nhiều nhất</h3><ul>${THREE}</ul></div>`;
    expect(run(page('', box)).stories).toEqual([]);
  });
});

describe('structure: heading-less teaser lists next to the body', () => {
  it('finds an untitled list between the lead and the body', () => {
    const list = `<ul class="list-concern">${THREE}</ul>`;
    const { stories, blocks, doc } = run(page('', '', list));
    expect(stories).toHaveLength(3);
    expect(textWithout(doc, blocks)).toContain('Đoạn 1 của bài viết chính');
  });

  it('finds a single in-body teaser (thumbnail, title, summary) and nothing else of the body', () => {
    const box = `<div class="VCSortableInPreviewMode"><a href="/xung-dot-trung-dong-102260306.htm"><img src="/x.jpg"></a>
      <a class="OneNewsTitle" href="/xung-dot-trung-dong-102260306.htm">Xung đột ở Trung Đông khiến xuất khẩu lao đao</a>
      <p>Xung đột leo thang tại Trung Đông đang đẩy doanh nghiệp xuất khẩu vào thế khó.</p></div>`;
    const { stories, blocks } = run(page(box));
    expect(stories.map((s) => s.title)).toEqual(['Xung đột ở Trung Đông khiến xuất khẩu lao đao']);
    expect(blocks.map((b) => b.className)).toEqual(['VCSortableInPreviewMode']);
  });

  it('takes a link on a line of its own after a section of prose, and not the section', () => {
    const first =
      'Mức phạt mới áp dụng cho người điều khiển phương tiện có nồng độ cồn vượt ngưỡng cho phép, kể cả xe đạp điện và xe máy.';
    const second =
      'Trường hợp tái phạm sẽ bị tước giấy phép lái xe trong hai năm và có thể bị truy cứu trách nhiệm hình sự theo luật.';
    const section =
      `<div class="section"><h2>Có phải kiểm tra lại không?</h2><p>${first}</p><p>${second}</p>` +
      '<p><a href="/thao-luan-nong-do-con-102260314.htm">Thảo luận về nồng độ cồn khi lái xe trên diễn đàn</a></p></div>';
    const { doc, blocks } = run(page(section));
    const text = textWithout(doc, blocks);
    expect(text).toContain(first);
    expect(text).toContain(second);
  });

  it('does not take a link inside a sentence for a related story', () => {
    const prose = `<p>Đây là chức vô địch thứ hai của <a href="/bong-da-tay-ban-nha-102260312.htm">bóng đá Tây Ban Nha</a> sau lần đăng quang năm 2010 tại Nam Phi.</p>`;
    expect(run(page(prose)).stories).toEqual([]);
  });

  it('does not take a long heading-less feed for related stories', () => {
    const feed = Array.from({ length: 20 }, (_, i) =>
      teaser(`tin-moi-so-${i}-1022603${10 + i}`, `Tin mới số ${i} trong ngày hôm nay`),
    ).join('');
    expect(run(page('', `<ul class="feed">${feed}</ul>`)).stories).toEqual([]);
  });

  it('does not take a section teaser box whose heading links to its section', () => {
    const box = `<div class="box-default"><h3><a href="/xa-hoi/">Xã hội</a></h3><div>${THREE}</div></div>`;
    expect(run(page('', box)).stories).toEqual([]);
  });
});

describe('what is not related', () => {
  it('skips navigation menus, even with a "Xem thêm" entry', () => {
    const nav = `<ul class="megamenu"><li><a href="/the-gioi.htm">Thế giới</a></li><li class="more"><span>Xem thêm</span></li><li><a href="/video/the-thao.htm">Thể thao</a></li></ul>`;
    const { stories, blocks } = run(page('', nav));
    expect(stories).toEqual([]);
    expect(blocks).toEqual([]);
  });

  it('skips most-read lists', () => {
    const box = `<div class="boxnews"><h2>Tin đọc nhiều</h2><ul>${THREE}</ul></div>`;
    expect(run(page('', box)).stories).toEqual([]);
    const en = `<div class="block"><div class="block-title">Most read</div><ul>${THREE}</ul></div>`;
    expect(run(page('', en)).stories).toEqual([]);
  });

  it('skips tag lists', () => {
    const tags = `<div class="detail-tab"><span>Từ khóa:</span><a href="/hoa-don-dien-tu.html">hóa đơn điện tử</a><a href="/chinh-sach-thue.html">chính sách thuế</a><a href="/tag/ho-kinh-doanh">hộ kinh doanh</a></div>`;
    expect(run(page('', tags)).stories).toEqual([]);
  });

  it('skips PDF and download links, also under a related heading', () => {
    const downloads = `<div><h3>Siehe auch</h3><ul><li><a href="/SharedDocs/Downloads/DE/Broschuere.pdf?__blob=publicationFile">Broschüre Ländliche Regionen verstehen (PDF)</a></li></ul></div>`;
    expect(run(page('', downloads)).stories).toEqual([]);
  });

  it('skips previous/next links and links to other sites', () => {
    const pager =
      `<div class="post-navigation"><a rel="prev" href="/hop-chinh-phu-thuong-ky-102260228.htm">Họp Chính phủ thường kỳ tháng Hai bàn về tăng trưởng</a>` +
      `<a rel="next" href="/thu-tuong-tiep-doan-doanh-nghiep-102260302.htm">Thủ tướng tiếp đoàn doanh nghiệp Hoa Kỳ tại trụ sở</a></div>` +
      `<p class="nav"><a href="/tin-truoc-102260227.htm">« Bài trước: Hội nghị trực tuyến toàn quốc về cải cách hành chính</a></p>`;
    const external = `<div class="related"><ul><li><a href="https://www.scotusblog.com/2016/02/a-responsibility-i-take-seriously/">A responsibility I take seriously, says the President</a></li></ul></div>`;
    expect(run(page('', pager + external)).stories).toEqual([]);
  });

  it('skips a breadcrumb next to the title', () => {
    const crumbs = `<div class="breadcrumb"><a href="/chi-dao-quyet-dinh-cua-chinh-phu-thu-tuong.htm">Chỉ đạo, quyết định của Chính phủ - Thủ tướng</a></div>`;
    expect(run(page('', '', crumbs), 'https://baochinhphu.vn/co-che-gia-in-duc-tien.htm').stories).toEqual([]);
  });

  it('skips a single link to a topic page under a neutral heading', () => {
    const more = `<h3>Weiterführende Informationen</h3><ul><li><a href="/mluk/de/landwirtschaft/jagd/afrikanische-schweinepest/">Informationen zur ASP und zur Bachenprämie</a></li></ul>`;
    const url = 'https://mluk.brandenburg.de/mluk/de/aktuelles/presseinformationen/detail/~02-01-2022-land-zahlte';
    expect(run(page('', more), url).stories).toEqual([]);
  });
});

describe('bad input', () => {
  it('handles an empty document and a page without links', () => {
    expect(findRelated(parseHtml('', PAGE), PAGE)).toEqual({ stories: [], blocks: [] });
    expect(run(page('')).stories).toEqual([]);
  });

  it('handles an unparsable page URL', () => {
    const html = page('', `<div><h3>Tin liên quan</h3><ul>${THREE}</ul></div>`);
    const doc = parseHtml(html, PAGE);
    expect(() => findRelated(doc, 'not a url')).not.toThrow();
  });

  it('survives a very deep page', () => {
    const depth = 5000;
    const html = `<body><h1>Sâu</h1>${'<div>'.repeat(depth)}<p>Nội dung rất sâu bên trong nhiều lớp thẻ div lồng nhau.</p>${'</div>'.repeat(depth)}</body>`;
    expect(() => findRelated(parseHtml(html, PAGE), PAGE)).not.toThrow();
  });

  it('reads a huge page (thousands of paragraphs with links, a menu of hundreds)', () => {
    const prose = Array.from(
      { length: 3000 },
      (_, i) =>
        `<p>Đoạn ${i} nhắc tới <a href="/bai-${i}-1022${100000 + i}.htm">một bài khác</a> ở giữa câu văn dài.</p>`,
    ).join('');
    const menu = `<nav>${Array.from({ length: 500 }, (_, i) => `<a href="/muc-${i}.htm">Mục ${i}</a>`).join('')}</nav>`;
    const box = `<div class="box"><h3>Tin liên quan</h3><ul>${THREE}</ul></div>`;
    const doc = parseHtml(`<body>${menu}<h1>Bài rất dài</h1><div>${prose}</div>${box}</body>`, PAGE);
    const { stories, blocks } = findRelated(doc, PAGE);
    expect(stories).toHaveLength(3);
    expect(blocks.map((b) => b.className)).toEqual(['box']);
  });

  it('caps a related list with hundreds of links on a page with 2,000 links', () => {
    const items = (prefix: string) =>
      Array.from({ length: 500 }, (_, i) =>
        teaser(`${prefix}-${i}-1022${String(100000 + i)}`, `Tin số ${i} về chính sách mới của Chính phủ`),
      ).join('');
    const html = page(
      '',
      `<div class="box"><h2>Tin liên quan</h2><ul>${items('tin')}</ul></div><div class="feed"><ul>${items('bai')}</ul></div>`,
    );
    const doc = parseHtml(html, PAGE);
    expect(doc.querySelectorAll('a').length).toBeGreaterThanOrEqual(2000);
    expect(findRelated(doc, PAGE).stories).toHaveLength(50);
  });
});
