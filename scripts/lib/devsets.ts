/**
 * Where the team's dev sets live: `../shared/devsets` beside the checkout (CI and developer
 * machines have it; a user's clone does not). `LOA_DEVSETS` points elsewhere. Tests that need
 * them skip with `DEVSETS_MISSING` as the reason, so a clone without `../shared` still passes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const DEVSETS_DIR = resolve(process.env.LOA_DEVSETS ?? resolve(import.meta.dirname, '../../../shared/devsets'));

export const DEVSETS_MISSING = `dev sets not found at ${DEVSETS_DIR} (they live in ../shared/devsets beside the checkout; set LOA_DEVSETS to point elsewhere)`;

export function devsetsAvailable(): boolean {
  return existsSync(join(DEVSETS_DIR, 'README.md'));
}

/** A dev-set file as text, gunzipped when its name ends in .gz. */
export function readDevsetFile(relativePath: string): string {
  const bytes = readFileSync(join(DEVSETS_DIR, relativePath));
  return (relativePath.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The lines of a JSON Lines dev-set file, parsed. */
export function readDevsetJsonl<T>(relativePath: string): T[] {
  return readDevsetFile(relativePath)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
