import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFuzzInputs, longPages } from '../../scripts/lib/fuzz-inputs';

/**
 * A slice of the fuzz set through the command-line extractor, in one process: every file gets
 * exactly one JSON line, in order, with an article or an error and its message, and the process
 * ends on its own. `npm run -s fuzz:cli` runs the whole set and reports time and memory.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SLICE = 44;
const ARTICLE_KEYS = ['url', 'title', 'lang', 'lead', 'text', 'figures', 'related', 'summary'];

describe('the CLI on generated hostile and broken input', () => {
  it(`prints one JSON line per file for ${SLICE + 2} inputs and does not crash`, () => {
    const inputs = [...generateFuzzInputs(SLICE), longPages.nesting(10_000), longPages.links(3_000)];
    const dir = mkdtempSync(join(tmpdir(), 'loa-cli-fuzz-'));
    const files = inputs.map((input, i) => {
      const file = join(dir, `${i}-${input.name}.html`);
      writeFileSync(file, input.bytes);
      return file;
    });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/extract.ts', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    // 1 when a file is unreadable; a crash would exit otherwise (and leave lines missing).
    expect([0, 1]).toContain(run.status);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(inputs.length);
    lines.forEach((line, i) => {
      const answer = JSON.parse(line) as Record<string, unknown>;
      const name = inputs[i]!.name;
      expect(answer.file, name).toBe(files[i]);
      if (typeof answer.error === 'string') {
        expect(answer.error, name).toMatch(/^(not-article|too-large|parse-error|unreadable)$/);
        expect(answer.message, name).toEqual(expect.any(String));
      } else {
        for (const key of ARTICLE_KEYS) expect(answer, name).toHaveProperty(key);
      }
      // Garbage is never an article.
      if (/^(random-bytes|nul-bytes|control-chars)/.test(name)) expect(answer.error, name).toBe('not-article');
    });
    // Pages that hold an article are read as one: UTF-16 behind its byte order mark; under 10,000
    // nested <div> (cut to Chromium's nesting depth as the page is parsed).
    const read = (prefix: string) =>
      lines.filter((line, i) => inputs[i]!.name.startsWith(prefix) && !('error' in JSON.parse(line))).length;
    expect(read('utf16-bom')).toBeGreaterThan(0);
    expect(read('nested-divs-10000')).toBe(1);
  }, 120_000);
});
