import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  findArticleContainer,
  findTextRange,
  HIGHLIGHT_NAME,
  installHighlightStyle,
  SentenceHighlighter,
  type HighlightApi,
} from '../../lib/speech/highlight';

const windows: Window[] = [];

function page(body: string): Document {
  const window = new Window();
  windows.push(window);
  window.document.body.innerHTML = body;
  return window.document as unknown as Document;
}

afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

/** Records what would be painted, in place of CSS.highlights. */
function fakeApi() {
  const painted = new Map<string, Range>();
  const api: HighlightApi = {
    registry: {
      set: (name, highlight) => painted.set(name, highlight as Range),
      get: (name) => painted.get(name),
      delete: (name) => painted.delete(name),
    },
    create: (range) => range,
  };
  return { api, painted };
}

describe('findTextRange', () => {
  it('finds a sentence across inline elements, line breaks and odd spaces', () => {
    const doc = page(`
      <article><p>Chiều 2/2, <a href="#">Ban Chỉ đạo</a>
        Cải&nbsp;cách hành chính   của <b>Chính phủ</b> tổ chức phiên họp thứ 7.</p></article>`);
    const range = findTextRange(
      doc.body,
      'Chiều 2/2, Ban Chỉ đạo Cải cách hành chính của Chính phủ tổ chức phiên họp thứ 7.',
    );
    expect(range?.toString().replace(/\s+/g, ' ')).toBe(
      'Chiều 2/2, Ban Chỉ đạo Cải cách hành chính của Chính phủ tổ chức phiên họp thứ 7.',
    );
  });

  it('ignores soft hyphens, case and NFD/NFC differences', () => {
    const doc = page(`<p>Thủ tướng chủ trì. Ban Chỉ đạo họp về nhiệm vụ năm 2024.</p>`.normalize('NFD'));
    const range = findTextRange(doc.body, 'ban chỉ đạo họp về nhi\u00ADệm vụ năm 2024.');
    expect(range?.toString().normalize('NFC')).toBe('Ban Chỉ đạo họp về nhiệm vụ năm 2024.');
  });

  it('treats a block boundary as the space the extracted text has', () => {
    const doc = page('<div><span>Người hùng</span><span>của trận đấu</span></div>');
    expect(findTextRange(doc.body, 'Người hùng của trận đấu')?.toString()).toBe('Người hùngcủa trận đấu');
  });

  it('returns null for text that is not on the page', () => {
    const doc = page('<p>Một câu khác.</p>');
    expect(findTextRange(doc.body, 'Không có ở đây.')).toBeNull();
  });

  it('does not match text inside scripts and styles', () => {
    const doc = page('<script>var s = "Câu bí mật.";</script><style>p{}</style><p>Câu thật.</p>');
    expect(findTextRange(doc.body, 'Câu bí mật.')).toBeNull();
  });

  it('searches forward from a point, so a repeated sentence resolves in reading order', () => {
    const doc = page('<p id="a">Xin cảm ơn.</p><p id="b">Xin cảm ơn.</p>');
    const first = findTextRange(doc.body, 'Xin cảm ơn.');
    expect(first?.startContainer.parentElement?.id).toBe('a');
    const second = findTextRange(doc.body, 'Xin cảm ơn.', {
      node: first?.endContainer as Text,
      offset: first?.endOffset ?? 0,
    });
    expect(second?.startContainer.parentElement?.id).toBe('b');
  });

  it('wraps around to the start when the text is only before the point', () => {
    const doc = page('<p id="a">Đầu bài.</p><p id="b">Cuối bài.</p>');
    const end = doc.getElementById('b')?.firstChild as Text;
    expect(findTextRange(doc.body, 'Đầu bài.', { node: end, offset: 0 })?.startContainer.parentElement?.id).toBe('a');
  });

  it('accepts a sentence whose middle differs on the page (an inserted caption)', () => {
    const doc = page(
      '<p>Giá hoa nhập khẩu tăng mạnh <em>(Ảnh minh họa: TTXVN)</em> do chi phí vận chuyển trong dịp lễ năm nay.</p>',
    );
    const range = findTextRange(doc.body, 'Giá hoa nhập khẩu tăng mạnh do chi phí vận chuyển trong dịp lễ năm nay.');
    expect(range?.toString()).toBe(
      'Giá hoa nhập khẩu tăng mạnh (Ảnh minh họa: TTXVN) do chi phí vận chuyển trong dịp lễ năm nay.',
    );
  });
});

describe('findArticleContainer', () => {
  it('is the nearest element holding the first and the last sentence, not a teaser copy', () => {
    const doc = page(`
      <header><p>Câu đầu.</p></header>
      <main><article id="story"><p>Câu đầu.</p><div><p>Ở giữa.</p></div><p>Câu cuối.</p></article></main>`);
    // The header repeats the first sentence; the article's own copy is the one before the last sentence.
    expect(findArticleContainer(doc.body, ['Câu đầu.', 'Ở giữa.', 'Câu cuối.'])?.id).toBe('story');
    expect(findArticleContainer(doc.body, ['Ở giữa.'])?.tagName).toBe('P');
    expect(findArticleContainer(doc.body, ['Không có.'])).toBeNull();
  });
});

describe('SentenceHighlighter', () => {
  const body = `
    <aside id="related"><p>Tin cùng chuyên mục: Quốc hội họp.</p></aside>
    <article id="story"><h1>Quốc hội họp.</h1><p>Câu một. Quốc hội họp. Câu ba.</p></article>`;

  it('paints the sentence with the Custom Highlight API, without touching the DOM', () => {
    const doc = page(body);
    const before = doc.body.innerHTML;
    const { api, painted } = fakeApi();
    const highlighter = new SentenceHighlighter({ root: doc.body, api, follow: false });
    const range = highlighter.show('Câu một.');
    expect(painted.get(HIGHLIGHT_NAME)).toBe(range);
    expect(range?.toString()).toBe('Câu một.');
    expect(doc.body.innerHTML).toBe(before);
  });

  it('follows reading order and prefers the article container over earlier copies', () => {
    const doc = page(body);
    const { api } = fakeApi();
    const story = doc.getElementById('story');
    const highlighter = new SentenceHighlighter({ root: doc.body, container: story, api, follow: false });
    const title = highlighter.show('Quốc hội họp.');
    expect(title?.startContainer.parentElement?.tagName).toBe('H1');
    highlighter.show('Câu một.');
    const repeated = highlighter.show('Quốc hội họp.');
    expect(repeated?.startContainer.parentElement?.tagName).toBe('P');
    expect(repeated?.startOffset).toBe('Câu một. '.length);
  });

  it('falls back to the whole page for text outside the container', () => {
    const doc = page(body);
    const { api } = fakeApi();
    const highlighter = new SentenceHighlighter({
      root: doc.body,
      container: doc.getElementById('story'),
      api,
      follow: false,
    });
    expect(
      highlighter.show('Tin cùng chuyên mục: Quốc hội họp.')?.startContainer.parentElement?.closest('aside')?.id,
    ).toBe('related');
  });

  it('finds text the page added or changed after the first search', () => {
    const doc = page('<p id="p">Câu một.</p>');
    const { api } = fakeApi();
    const highlighter = new SentenceHighlighter({ root: doc.body, api, follow: false });
    highlighter.show('Câu một.');
    const added = doc.createElement('p');
    added.textContent = 'Câu mới tải.';
    doc.body.append(added);
    expect(highlighter.show('Câu mới tải.')?.toString()).toBe('Câu mới tải.');
    (doc.getElementById('p')?.firstChild as Text).data = 'Câu một đã sửa.';
    expect(highlighter.show('Câu một đã sửa.')?.toString()).toBe('Câu một đã sửa.');
  });

  it('clears the highlight on clear(), and when a sentence is not found', () => {
    const doc = page('<p>Câu một.</p>');
    const { api, painted } = fakeApi();
    const highlighter = new SentenceHighlighter({ root: doc.body, api, follow: false });
    highlighter.show('Câu một.');
    highlighter.clear();
    expect(painted.has(HIGHLIGHT_NAME)).toBe(false);
    highlighter.show('Câu một.');
    expect(highlighter.show('Không có.')).toBeNull();
    expect(painted.has(HIGHLIGHT_NAME)).toBe(false);
  });

  it('flashes a sentence for a while, but keeps a highlight that replaced it meanwhile', () => {
    vi.useFakeTimers();
    try {
      const doc = page('<p>Câu một. Câu hai.</p>');
      const { api, painted } = fakeApi();
      const flasher = new SentenceHighlighter({ root: doc.body, api, follow: false });
      expect(flasher.flash('Câu một.', 1000)).toBe(true);
      expect(painted.get(HIGHLIGHT_NAME)?.toString()).toBe('Câu một.');
      vi.advanceTimersByTime(1000);
      expect(painted.has(HIGHLIGHT_NAME)).toBe(false);
      flasher.flash('Câu một.', 1000);
      const reader = new SentenceHighlighter({ root: doc.body, api, follow: false });
      reader.show('Câu hai.');
      vi.advanceTimersByTime(1000);
      expect(painted.get(HIGHLIGHT_NAME)?.toString()).toBe('Câu hai.');
      expect(flasher.flash('Không có trên trang.', 1000)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops scrolling to the sentence while not following, and scrolls again once following', () => {
    const doc = page('<p id="a">Câu một.</p><p id="b">Câu hai.</p>');
    const { api } = fakeApi();
    const scrollA = vi.spyOn(doc.getElementById('a') as HTMLElement, 'scrollIntoView');
    const scrollB = vi.spyOn(doc.getElementById('b') as HTMLElement, 'scrollIntoView');
    const highlighter = new SentenceHighlighter({ root: doc.body, api });
    highlighter.setFollow(false);
    highlighter.show('Câu một.');
    expect(scrollA).not.toHaveBeenCalled();
    highlighter.setFollow(true);
    highlighter.show('Câu hai.');
    expect(scrollB).toHaveBeenCalled();
  });

  it('scrolls the sentence into view where the Highlight API is missing', () => {
    const doc = page('<p id="p">Câu một.</p>');
    const element = doc.getElementById('p') as HTMLElement;
    const scroll = vi.spyOn(element, 'scrollIntoView');
    const highlighter = new SentenceHighlighter({ root: doc.body, api: null });
    expect(highlighter.show('Câu một.')).not.toBeNull();
    expect(scroll).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' });
  });
});

describe('installHighlightStyle', () => {
  it('adopts a style sheet, and removes it again', () => {
    const doc = page('');
    const remove = installHighlightStyle(doc);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    expect(doc.querySelectorAll('style')).toHaveLength(0);
    remove();
    expect(doc.adoptedStyleSheets).toHaveLength(0);
  });

  it('falls back to a <style> element where adopting is refused', () => {
    const doc = page('');
    Object.defineProperty(doc, 'adoptedStyleSheets', {
      get: () => [],
      set: () => {
        throw new Error('refused');
      },
    });
    const remove = installHighlightStyle(doc);
    expect(doc.head.querySelector('style')?.textContent).toContain(`::highlight(${HIGHLIGHT_NAME})`);
    remove();
    expect(doc.querySelectorAll('style')).toHaveLength(0);
  });
});
