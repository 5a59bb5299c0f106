import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every file an entrypoint's bundle pulls in, relative to the project (what esbuild would bundle). */
async function bundledFiles(entrypoint: string): Promise<string[]> {
  const result = await build({
    entryPoints: [resolve(ROOT, entrypoint)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    // The same "@/..." imports WXT resolves in the extension build.
    alias: { '@': ROOT },
  });
  return Object.keys(result.metafile.inputs);
}

// The content script is injected on every popup opening: the Public Suffix List (~140 KB) is the
// background's to carry, and the content script asks it with a `same-site` message.
describe('the Public Suffix List stays out of the content script', () => {
  it('is not in the content script’s import graph', async () => {
    const files = await bundledFiles('entrypoints/content.ts');
    expect(files).toContain('lib/extract/remote.ts');
    expect(files.filter((file) => /tldts|lib\/url\.ts/.test(file))).toEqual([]);
  });

  it('is in the background’s, which answers the question', async () => {
    const files = await bundledFiles('entrypoints/background.ts');
    expect(files).toContain('lib/url.ts');
    expect(files.some((file) => file.includes('node_modules/tldts'))).toBe(true);
  });
});

// The extraction script is parsed on every popup opening; the reading session only where reading
// starts. Each carries only its own part (figures and summary are computed by the background; the
// extension build drops lib/figures and lib/summarize from content.js, which esbuild's import
// graph still lists through lib/extract/complete.ts).
describe('the two injected scripts carry only their own part', () => {
  it('leaves the reading session out of the extraction script', async () => {
    const files = await bundledFiles('entrypoints/content.ts');
    expect(files).toContain('node_modules/@mozilla/readability/Readability.js');
    expect(files.filter((file) => /lib\/speech\/(session|speaker|normalize|voices|tts-bridge)/.test(file))).toEqual([]);
  });

  it('leaves extraction out of the reader, which reads the extraction script’s article', async () => {
    const files = await bundledFiles('entrypoints/reader.content.ts');
    expect(files).toContain('lib/speech/session.ts');
    expect(files.filter((file) => /readability|lib\/(extract|related|figures|summarize)\//.test(file))).toEqual([]);
  });
});
