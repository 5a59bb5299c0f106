import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { boundedClone, boundedInPlace } from '../../lib/extract/clone';
import { prepareAgain, prepareClone } from '../../lib/extract';
import { corpusPages } from '../../scripts/lib/corpus';

const noBudget = () => {};

/**
 * A second Readability pass prepares its clone by replaying the first clone's removals: the result
 * must be the clone a full preparation gives, or the retry reads another page than the first pass.
 */
describe('a second clone prepared by replay', () => {
  for (const page of corpusPages()) {
    it(`equals a full preparation on ${page.name}`, () => {
      const url = page.labels?.url ?? 'https://example.vn/bai-viet.html';
      const original = parseHtml(page.html, url);
      const first = prepareClone(boundedClone(original), url, undefined, noBudget);
      const prepared = boundedClone(original);
      prepareClone(prepared, url, undefined, noBudget);
      const want = prepared.body.innerHTML;
      // On a clone of the page, as in the browser, and on the page parsed again, as the CLI does
      // when it prepared its first parse in place.
      const inPlace = boundedInPlace(parseHtml(page.html, url));
      const firstInPlace = prepareClone(inPlace, url, undefined, noBudget);
      for (const [copy, replayed] of [
        ['a clone', prepareAgain(boundedClone(original), first, url, noBudget)],
        ['a second parse', prepareAgain(boundedInPlace(parseHtml(page.html, url)), firstInPlace, url, noBudget)],
      ] as const) {
        const got = replayed.body.innerHTML;
        // Whole pages are too long to print: the first difference says where the replay went wrong.
        let differsAt = 0;
        while (differsAt < want.length && got[differsAt] === want[differsAt]) differsAt++;
        expect(
          got === want,
          `${copy} differs at ${differsAt}: ${JSON.stringify(got.slice(differsAt, differsAt + 120))}`,
        ).toBe(true);
      }
    });
  }
});
