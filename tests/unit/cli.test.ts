import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../scripts/lib/corpus';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function extract(args: string[], input?: string | Buffer) {
  const run = spawnSync(TSX, ['cli/extract.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 120_000 });
  return {
    status: run.status,
    lines: run.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('npm run extract', () => {
  it('prints one JSON line per file, an error line for an unreadable one, and exits 1', () => {
    const sample = join(CORPUS_DIR, 'vn-baolaocai-seed-reconstructed/source.html');
    const { status, lines } = extract([
      sample,
      'no/such/file.html',
      join(CORPUS_DIR, 'de-bmz-schulze-wfp/source.html'),
    ]);
    expect(status).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      file: sample,
      url: 'https://baolaocai.vn/ban-chi-dao-cai-cach-hanh-chinh-cua-chinh-phu-hop-phien-thu-7-381046.html',
      title: 'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7',
      lang: 'vi',
    });
    for (const key of ['lead', 'text', 'figures', 'related', 'summary']) expect(lines[0]).toHaveProperty(key);
    expect(lines[1]).toMatchObject({ file: 'no/such/file.html', error: 'unreadable' });
    expect(lines[2]).toMatchObject({ lang: 'de' });
  });

  it('reads standard input with "-" and resolves links against --url', () => {
    const html = readFileSync(join(CORPUS_DIR, 'vn-baolaocai-seed-reconstructed/source.html'), 'utf8');
    const { status, lines } = extract(['--url', 'https://mirror.example/tin.html', '-'], html);
    expect(status).toBe(0);
    expect(lines[0]).toMatchObject({ file: '-', url: 'https://mirror.example/tin.html' });
  });

  it('reports a page that is not an article without failing the run', () => {
    const { status, lines } = extract([join(ROOT, 'tests/fixtures/pages/list/index.html')]);
    expect(status).toBe(0);
    expect(lines[0]).toMatchObject({ error: 'not-article' });
  });

  it('explains its decisions with --explain: rule, action, element path, text start', () => {
    const sample = join(CORPUS_DIR, 'vn-baolaocai-seed-reconstructed/source.html');
    const { lines } = extract(['--explain', sample]);
    const decisions = lines[0]!.explain as { rule: string; action: string; path: string; text: string }[];
    expect(decisions).toContainEqual(
      expect.objectContaining({
        rule: 'related-block',
        action: 'removed',
        text: expect.stringContaining('Tin cùng chuyên mục'),
      }),
    );
    expect(decisions).toContainEqual(
      expect.objectContaining({ rule: 'furniture:audio-widget', path: expect.stringContaining('div#audio-player') }),
    );
    expect(decisions).toContainEqual(expect.objectContaining({ rule: 'lead:meta-description', action: 'chosen' }));
    expect(extract([sample]).lines[0]).not.toHaveProperty('explain');
  });

  it('reads UTF-16 with a byte order mark and a page whose canonical address is invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-cli-'));
    const html = readFileSync(join(CORPUS_DIR, 'vn-baolaocai-seed-reconstructed/source.html'), 'utf8');
    const utf16 = join(dir, 'utf16.html');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]));
    const badCanonical = join(dir, 'bad-canonical.html');
    writeFileSync(
      badCanonical,
      html.replace(/<link[^>]*rel="canonical"[^>]*>/, '<link rel="canonical" href="https://exa mple.vn/%%bad">'),
    );
    const { status, lines } = extract([utf16, badCanonical]);
    expect(status).toBe(0);
    expect(lines[0]).toMatchObject({ title: 'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7' });
    expect(lines[1]).toMatchObject({ title: 'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7' });
  });

  it('says that random bytes and NULs are not an article', () => {
    let seed = 7;
    const random = Buffer.from(
      Array.from({ length: 20_000 }, () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) >>> 16) & 0xff),
    );
    const dir = mkdtempSync(join(tmpdir(), 'loa-cli-'));
    writeFileSync(join(dir, 'random.bin'), random);
    writeFileSync(join(dir, 'nul.bin'), Buffer.alloc(1_000_000));
    const { lines } = extract([join(dir, 'random.bin'), join(dir, 'nul.bin')]);
    expect(lines.map((line) => line.error)).toEqual(['not-article', 'not-article']);
  });
});
