import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract';
import { generateFuzzInputs, longPages } from '../../scripts/lib/fuzz-inputs';

/**
 * Generated hostile and broken inputs through the CLI's decoding and parsing into `extractArticle`:
 * every one must come back with an article or a reason, never throw or hang. The budget is the
 * test's timeout, scaled with the total input size; no timing is asserted. The slowest input per
 * megabyte is printed so a quadratic step shows up as a number.
 */
const INPUTS = 1_000;
/** Time budget: a fixed allowance per input plus this much per megabyte of input. */
const MS_PER_INPUT = 150;
const MS_PER_MB = 20_000;

describe('extraction on generated hostile and broken input', () => {
  const inputs = [
    ...generateFuzzInputs(INPUTS),
    longPages.links(3_000),
    longPages.paragraphs(5_000),
    longPages.identicalSentences(2_000),
    longPages.textNode(10_000_000),
  ];
  const megabytes = inputs.reduce((sum, input) => sum + input.bytes.byteLength, 0) / 1e6;

  it(
    `answers each of ${inputs.length} inputs (${megabytes.toFixed(1)} MB) with an article or a reason`,
    async () => {
      let slowest = { name: '', msPerMb: 0 };
      const outcomes = new Map<string, number>();
      for (const input of inputs) {
        const start = performance.now();
        const document = parseHtml(decodeHtml(input.bytes), 'https://tin.example.vn/bai-1.html');
        const result = extractArticle(document);
        const msPerMb = (performance.now() - start) / Math.max(input.bytes.byteLength / 1e6, 0.01);
        if (msPerMb > slowest.msPerMb) slowest = { name: input.name, msPerMb };
        expect(typeof result.ok, input.name).toBe('boolean');
        const outcome = result.ok ? 'article' : result.reason;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (/^(random-bytes|nul-bytes|control-chars)/.test(input.name)) expect(result.ok, input.name).toBe(false);
      }
      console.log(
        `fuzz: ${inputs.length} inputs, ${megabytes.toFixed(1)} MB; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; slowest per MB: ${slowest.name} ${slowest.msPerMb.toFixed(0)} ms/MB (input floor 0.01 MB)`,
      );
    },
    inputs.length * MS_PER_INPUT + megabytes * MS_PER_MB,
  );
});
