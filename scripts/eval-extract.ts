/**
 * Extraction quality on the labeled corpus: Loa against plain Readability on the same pages.
 * Recall = labeled body fragments found in the text; precision = labeled furniture kept out.
 *   npm run -s eval:extract
 */
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../cli/html';
import { extractArticle } from '../lib/extract';
import { labeledPages, normalizeText } from '../tests/support/corpus';

interface Score { included: number; includeTotal: number; excluded: number; excludeTotal: number }
const total = { loa: { included: 0, includeTotal: 0, excluded: 0, excludeTotal: 0 }, readability: { included: 0, includeTotal: 0, excluded: 0, excludeTotal: 0 } };

function score(text: string, include: string[], exclude: string[]): Score {
  const haystack = normalizeText(text);
  return {
    included: include.filter((fragment) => haystack.includes(normalizeText(fragment))).length,
    includeTotal: include.length,
    excluded: exclude.filter((fragment) => !haystack.includes(normalizeText(fragment))).length,
    excludeTotal: exclude.length,
  };
}

function add(into: Score, s: Score) {
  into.included += s.included; into.includeTotal += s.includeTotal; into.excluded += s.excluded; into.excludeTotal += s.excludeTotal;
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
console.log('page'.padEnd(44), 'loa inc/exc'.padEnd(13), 'readab. inc/exc'.padEnd(16), 'title lead');
for (const page of labeledPages()) {
  const { labels } = page;
  const result = extractArticle(parseHtml(page.html, labels.url), { url: labels.url });
  const loaText = result.ok ? `${result.article.lead ?? ''}\n\n${result.article.text}` : '';
  const plain = new Readability(parseHtml(page.html, labels.url)).parse()?.textContent ?? '';
  const loa = score(loaText, labels.mustInclude, labels.mustExclude);
  const readability = score(plain, labels.mustInclude, labels.mustExclude);
  add(total.loa, loa);
  add(total.readability, readability);
  const titleOk = result.ok && normalizeText(result.article.title) === normalizeText(labels.title);
  const leadOk = result.ok && normalizeText(result.article.lead ?? '') === normalizeText(labels.lead ?? '');
  console.log(
    page.name.padEnd(44),
    `${loa.included}/${loa.includeTotal} ${loa.excluded}/${loa.excludeTotal}`.padEnd(13),
    `${readability.included}/${readability.includeTotal} ${readability.excluded}/${readability.excludeTotal}`.padEnd(16),
    titleOk ? 'ok' : 'XX', leadOk ? 'ok' : 'XX',
    result.ok ? '' : result.reason,
  );
}
for (const [name, s] of Object.entries(total)) {
  console.log(`${name.padEnd(12)} recall ${pct(s.included, s.includeTotal)}%  furniture kept out ${pct(s.excluded, s.excludeTotal)}%`);
}
