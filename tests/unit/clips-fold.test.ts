import { describe, expect, it } from 'vitest';
import { foldText, folded, parseWordQuery, wordKeys } from '../../lib/clips/fold';
import { clipKey, normalizeTags, parseTags } from '../../lib/clips/model';
import { cleanUrl, siteOf, urlIdentity } from '../../lib/clips/url';

describe('folded search keys', () => {
  it('drops Vietnamese tone and vowel marks, đ and case', () => {
    expect(foldText('Cải cách THỦ TỤC hành chính ở Đồng Nai')).toBe('cai cach thu tuc hanh chinh o dong nai');
    expect(folded('Người, ƯỚC mơ; được!')).toEqual(['nguoi', 'uoc', 'mo', 'duoc']);
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(folded('cải cách'.normalize('NFD'))).toEqual(folded('cải cách'));
  });

  it('keeps numbers as tokens and splits on punctuation', () => {
    expect(folded('4.142 nhiệm vụ, 5,8%')).toEqual(['4', '142', 'nhiem', 'vu', '5', '8']);
  });

  it('indexes each distinct word once and skips absurdly long runs', () => {
    const long = 'x'.repeat(41);
    expect(wordKeys('Cải cách cải cách', null, `cách ${long}`)).toEqual(['cai', 'cach']);
  });
});

describe('parseWordQuery', () => {
  it('treats the word being typed as a prefix', () => {
    expect(parseWordQuery('cai ca')).toEqual({ exact: ['cai'], prefix: 'ca' });
  });

  it('matches every word whole once the query ends with a separator', () => {
    expect(parseWordQuery('Cải Cách ')).toEqual({ exact: ['cai', 'cach'], prefix: null });
  });

  it('matches a one-letter last word whole instead of scanning the index', () => {
    expect(parseWordQuery('nhà ở')).toEqual({ exact: ['nha', 'o'], prefix: null });
  });

  it('returns null when there is nothing to search for', () => {
    expect(parseWordQuery('  …, ')).toBeNull();
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
    expect(clipKey('selection', url, 'Cải  cách\nhành chính')).toBe(clipKey('selection', url, 'Cải cách hành chính'.normalize('NFD')));
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
