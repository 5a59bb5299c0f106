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
