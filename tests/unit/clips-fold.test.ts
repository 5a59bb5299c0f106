import { describe, expect, it } from 'vitest';
import { folded, indexTerms, matchRanges, parseSearch } from '../../lib/clips/fold';
import { foldForSearch } from '../../lib/text/fold';
import { clipKey, normalizeTags, parseTags } from '../../lib/clips/model';
import { cleanUrl, siteOf, urlIdentity } from '../../lib/clips/url';

describe('folded search keys', () => {
  it('drops Vietnamese tone and vowel marks, đ and case', () => {
    expect(foldForSearch('Cải cách THỦ TỤC hành chính ở Đồng Nai')).toBe('cai cach thu tuc hanh chinh o dong nai');
    expect(folded('Người, ƯỚC mơ; được!')).toEqual(['nguoi', 'uoc', 'mo', 'duoc']);
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(folded('cải cách'.normalize('NFD'))).toEqual(folded('cải cách'));
  });

  it('keeps numbers as tokens and splits on punctuation', () => {
    expect(folded('4.142 nhiệm vụ, 5,8%')).toEqual(['4', '142', 'nhiem', 'vu', '5', '8']);
  });

  it('indexes words folded and as written, word pairs, and title and lead apart', () => {
    const long = 'x'.repeat(41);
    const terms = indexTerms({ title: 'Cải cách', lead: null, text: `cải cách nhà ${long} ở`, note: '' });
    expect(terms.sort()).toEqual(
      [
        'cai',
        '=cải',
        'cach',
        '=cách',
        '"cai cach',
        'nha',
        '=nhà',
        '"cach nha',
        'o',
        '=ở',
        '^cai',
        '^=cải',
        '^cach',
        '^=cách',
        '^"cai cach',
      ].sort(),
    );
  });
});

describe('parseSearch', () => {
  it('looks words typed with accents up as written and the others folded', () => {
    expect(parseSearch('cải cach ')).toMatchObject({
      required: ['=cải', 'cach'],
      prefix: null,
      words: ['=cải', 'cach'],
      pairs: ['"cai cach'],
    });
  });

  it('treats the word being typed as a prefix, as written when it has accents', () => {
    expect(parseSearch('cai ca')).toMatchObject({
      required: ['cai'],
      prefix: { from: 'ca', to: 'ca\uffff' },
      words: ['cai', 'ca'],
    });
    expect(parseSearch('cai cá')).toMatchObject({ required: ['cai'], prefix: { from: '=cá', to: '=cá\uffff' } });
  });

  it('requires quoted words to stand together, and ranks unquoted neighbours', () => {
    expect(parseSearch('"cải cách" thủ tục')).toMatchObject({
      required: ['=cải', '=cách', '"cai cach', '=thủ'],
      prefix: { from: '=tục' },
      pairs: ['"cai cach', '"thu tuc', '"cach thu'],
    });
  });

  it('matches a one-letter last word whole instead of scanning the index', () => {
    expect(parseSearch('nhà ở')).toMatchObject({ required: ['=nhà', '=ở'], prefix: null });
  });

  it('returns null when there is nothing to search for', () => {
    expect(parseSearch('  …, "" ')).toBeNull();
  });
});

describe('matchRanges', () => {
  it('marks the words a search matched: folded ones with any accents, accented ones only as written', () => {
    const text = 'Cải cách, cài đặt cách mạng; Cách làm';
    const marked = (query: string) =>
      matchRanges(text, parseSearch(query)!.highlight).map(([start, end]) => text.slice(start, end));
    expect(marked('cai ')).toEqual(['Cải', 'cài']);
    expect(marked('cải cách ')).toEqual(['Cải', 'cách', 'cách', 'Cách']);
    expect(marked('cach ma')).toEqual(['cách', 'cách', 'mạng', 'Cách']);
  });
});

describe('clip URLs', () => {
  it('keeps http(s) only and drops fragments and tracking parameters', () => {
    expect(cleanUrl(' https://baochinhphu.vn/bai-viet-102.htm?utm_source=zalo&zarsrc=30&page=2#comments ')).toBe(
      'https://baochinhphu.vn/bai-viet-102.htm?page=2',
    );
    expect(cleanUrl('https://baochinhphu.vn/a.htm?fbclid=1')).toBe('https://baochinhphu.vn/a.htm');
    expect(cleanUrl('javascript:alert(1)')).toBeNull();
    expect(cleanUrl('not a url')).toBeNull();
  });

  it('gives the same identity to scheme, www and trailing-slash variants of one page', () => {
    const a = urlIdentity(cleanUrl('http://www.nhandan.vn/tin/abc/?b=2&a=1')!);
    const b = urlIdentity(cleanUrl('https://nhandan.vn/tin/abc?a=1&b=2')!);
    expect(a).toBe(b);
    expect(urlIdentity(cleanUrl('https://nhandan.vn/tin/abd')!)).not.toBe(b);
  });

  it('files a clip under its host without www', () => {
    expect(siteOf('https://www.vietnamplus.vn/x')).toBe('vietnamplus.vn');
  });
});

describe('clip keys', () => {
  const url = cleanUrl('https://baochinhphu.vn/a.htm')!;

  it('keys articles and summaries by page, selections also by their text', () => {
    expect(clipKey('article', url, 'one')).toBe(clipKey('article', url, 'two'));
    expect(clipKey('summary', url, 'one')).not.toBe(clipKey('article', url, 'one'));
    expect(clipKey('selection', url, 'Đoạn một')).not.toBe(clipKey('selection', url, 'Đoạn hai'));
  });

  it('ignores white space and normalization differences in a selection', () => {
    expect(clipKey('selection', url, 'Cải  cách\nhành chính')).toBe(
      clipKey('selection', url, 'Cải cách hành chính'.normalize('NFD')),
    );
  });
});

describe('tags', () => {
  it('normalizes case, spacing, "#" and repeats', () => {
    expect(normalizeTags(['  Kinh   Tế ', '#kinh tế', 'ĐẦU TƯ', ''])).toEqual(['kinh tế', 'đầu tư']);
  });

  it('parses a comma- or semicolon-separated field', () => {
    expect(parseTags('chính sách, thuế; #Giá điện')).toEqual(['chính sách', 'thuế', 'giá điện']);
  });
});
