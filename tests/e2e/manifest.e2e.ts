/**
 * The store builds' manifests, as shipped: both are built fresh here (never a stale folder), then
 * read. Permissions are the README's list exactly, no host permissions, icons present at their sizes,
 * no remote code or unsafe-eval; the Firefox build passes Mozilla's own linter (web-ext lint).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser-harness';

const BIN = join(ROOT, 'node_modules/.bin');
const BUILDS = { chrome: join(ROOT, '.output/chrome-mv3'), firefox: join(ROOT, '.output/firefox-mv2') };
const ICON_SIZES = [16, 32, 48, 128];
const README_PERMISSIONS = ['activeTab', 'scripting', 'storage', 'contextMenus'];

type Manifest = Record<string, unknown> & { permissions?: string[]; icons?: Record<string, string> };

function build(browser: 'chrome' | 'firefox'): Manifest {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.LOA_E2E;
  execFileSync(join(BIN, 'wxt'), ['build', '-b', browser], { cwd: ROOT, env, stdio: 'pipe' });
  return JSON.parse(readFileSync(join(BUILDS[browser], 'manifest.json'), 'utf8')) as Manifest;
}

/** A PNG's width and height from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
}

const manifests = {} as Record<'chrome' | 'firefox', Manifest>;

beforeAll(() => {
  manifests.chrome = build('chrome');
  manifests.firefox = build('firefox');
});

describe.each(['chrome', 'firefox'] as const)('the %s store build', (browser) => {
  it('asks for exactly the permissions the README lists, and no host', () => {
    const expected = [...README_PERMISSIONS, ...(browser === 'chrome' ? ['tts'] : [])];
    const manifest = manifests[browser];
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...expected].sort());
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('has its icon at every size, on the toolbar button too, with the localized tooltip', () => {
    const manifest = manifests[browser];
    const action = (manifest.action ?? manifest.browser_action) as {
      default_icon: Record<string, string>;
      default_title: string;
    };
    for (const icons of [manifest.icons!, action.default_icon]) {
      expect(Object.keys(icons).map(Number)).toEqual(ICON_SIZES);
      for (const [size, path] of Object.entries(icons))
        expect(pngSize(join(BUILDS[browser], path))).toEqual([Number(size), Number(size)]);
    }
    expect(action.default_title).toBe('__MSG_actionTitle__');
    for (const locale of readdirSync(join(BUILDS[browser], '_locales'))) {
      const messages = JSON.parse(readFileSync(join(BUILDS[browser], '_locales', locale, 'messages.json'), 'utf8'));
      expect(messages.actionTitle.message).toMatch(/^Loa\b.+/);
    }
  });

  it('loads no remote code and allows no eval', () => {
    const manifest = manifests[browser];
    const policy = JSON.stringify(manifest.content_security_policy ?? '');
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    for (const page of filesUnder(BUILDS[browser], '.html')) {
      expect(readFileSync(page, 'utf8')).not.toMatch(/<script[^>]+src=["']?(?:https?:)?\/\//i);
    }
    for (const script of filesUnder(BUILDS[browser], '.js')) {
      expect(readFileSync(script, 'utf8')).not.toMatch(/importScripts\(\s*["'`]https?:|import\(\s*["'`]https?:/);
    }
  });
});

describe('the Firefox store build', () => {
  it('names its Gecko id and declares it collects no data', () => {
    expect(manifests.firefox.browser_specific_settings).toMatchObject({
      gecko: { id: expect.stringMatching(/@/), data_collection_permissions: { required: ['none'] } },
    });
  });

  it('passes web-ext lint with no errors', () => {
    expect(existsSync(join(BIN, 'web-ext'))).toBe(true);
    let output: string;
    try {
      output = execFileSync(
        join(BIN, 'web-ext'),
        ['lint', '--source-dir', BUILDS.firefox, '--output', 'json', '--no-config-discovery'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (error) {
      // web-ext exits 1 when it finds errors; its report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as {
      summary: { errors: number };
      errors: { code: string; message: string; file?: string }[];
    };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
