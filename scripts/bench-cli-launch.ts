/**
 * How the CLI benchmarks start `cli/extract.ts`: exactly as `npm run -s extract` does (package.json's
 * `extract` script, with its Node flags), but as a direct child, so the process whose memory they read
 * from /proc is the extractor itself and not npm's.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export interface CliLaunch {
  command: string;
  args: string[];
  /** The Node flags the launcher adds in front of `--import tsx`. */
  nodeFlags: string[];
}

interface LaunchOptions {
  /** Without the launcher's Node flags: the CLI as Node runs it by default. */
  nodeDefaults?: boolean;
  /** More Node options, after the launcher's (a probe's `--import`, `--expose-gc`). */
  nodeOptions?: readonly string[];
}

/** The `extract` script's command line for `files`, run by this Node. */
export function cliLaunch(
  files: readonly string[],
  { nodeDefaults = false, nodeOptions = [] }: LaunchOptions = {},
): CliLaunch {
  const script = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: { extract: string } })
    .scripts.extract;
  const [program, ...words] = script.split(/\s+/);
  if (program !== 'node' || !words.includes('--import'))
    throw new Error(`package.json's extract script is not "node [FLAGS] --import tsx cli/extract.ts": ${script}`);
  const nodeFlags = words.slice(0, words.indexOf('--import'));
  const importAndPath = words.slice(nodeFlags.length);
  const args = [
    ...(nodeDefaults ? [] : nodeFlags),
    ...importAndPath.slice(0, -1),
    ...nodeOptions,
    ...importAndPath.slice(-1),
    ...files,
  ];
  return { command: process.execPath, args, nodeFlags };
}
