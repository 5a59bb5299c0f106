import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CpuSample, MemorySample } from '../../scripts/bench-cli-memory-probe';
import { cliLaunch } from '../../scripts/bench-cli-launch';
import { corpusPages } from '../../scripts/lib/corpus';

/**
 * The CLI benchmarks start the extractor as `npm run -s extract` does (its Node flags bound the
 * young generation, which otherwise holds 128 MB resident on Node 24) and load a memory probe into
 * it. Neither may change what the CLI prints.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const PROBE = join(ROOT, 'scripts/bench-cli-memory-probe.ts');
const SCRIPT = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { extract: string } })
  .scripts.extract;

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('the CLI as its launcher starts it', () => {
  const files = corpusPages()
    .slice(0, 3)
    .map((page) => page.file);

  it("runs package.json's extract command line, Node flags first, extra options before the script", () => {
    const launch = cliLaunch(files, { nodeOptions: ['--expose-gc'] });
    expect(launch.command).toBe(process.execPath);
    expect(`node ${launch.args.join(' ')}`).toBe(
      SCRIPT.replace('cli/extract.ts', `--expose-gc cli/extract.ts ${files.join(' ')}`),
    );
    expect(launch.nodeFlags.length).toBeGreaterThan(0);
    expect(cliLaunch(files, { nodeDefaults: true }).args).toEqual(
      launch.args.filter((arg) => !launch.nodeFlags.includes(arg) && arg !== '--expose-gc'),
    );
  });

  it("prints the same lines with the launcher's flags and the probe as with Node's defaults, and the probe samples each file", () => {
    const plain = cliLaunch(files, { nodeDefaults: true });
    const expected = run(plain.command, plain.args);
    expect(expected.trimEnd().split('\n')).toHaveLength(files.length);

    const samplesFile = join(mkdtempSync(join(tmpdir(), 'loa-cli-launch-')), 'samples.jsonl');
    const probed = cliLaunch(files, { nodeOptions: ['--expose-gc', '--import', PROBE] });
    const output = run(probed.command, probed.args, {
      LOA_MEMORY_SAMPLES: samplesFile,
      LOA_MEMORY_EVERY: '1',
      LOA_MEMORY_KEPT_AT: String(files.length),
    });
    expect(output).toBe(expected);

    const entries = readFileSync(samplesFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as MemorySample | CpuSample);
    const samples = entries.filter((entry): entry is MemorySample => 'files' in entry);
    // One sample per file, and at the last file a second one after a full collection.
    expect(samples.map((sample) => [sample.files, sample.collected])).toEqual([
      ...files.map((_, index) => [index + 1, false]),
      [files.length, true],
    ]);
    expect(samples.at(-1)!.heapUsedMb).toBeLessThanOrEqual(samples.at(-2)!.heapUsedMb);
    for (const sample of samples) {
      expect(sample.rssMb).toBeGreaterThan(sample.heapUsedMb);
      expect(sample.spaces.old_space?.sizeMb).toBeGreaterThan(0);
    }
    expect(entries.at(-1)).toEqual({ cpuSeconds: expect.any(Number) });
  });
});
