import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../support/corpus';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function extract(args: string[], input?: string) {
  const run = spawnSync(TSX, ['cli/extract.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, lines: run.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('npm run extract', () => {
  it('prints one JSON line per file, an error line for an unreadable one, and exits 1', () => {
    const sample = join(CORPUS_DIR, 'vn-baolaocai-seed-reconstructed/source.html');
    const { status, lines } = extract([sample, 'no/such/file.html', join(CORPUS_DIR, 'de-bmz-schulze-wfp/source.html')]);
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
});
