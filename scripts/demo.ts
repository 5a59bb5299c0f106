/**
 * The main job, for a first look: prints what Loa extracts from the bundled sample page and,
 * where there is a display (or with --open), opens Chromium with the freshly built extension
 * on that page served from 127.0.0.1 — click the Loa icon there.
 *   npm start            (builds first)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHtml } from '../cli/html';
import { extractArticle } from '../lib/extract';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'tests/corpus/vn-baolaocai-seed-reconstructed/source.html');
const html = readFileSync(SAMPLE, 'utf8');
const result = extractArticle(parseHtml(html));

if (!result.ok) {
  console.error(`No article: ${result.message}`);
  process.exit(1);
}
const { article } = result;
const rule = '─'.repeat(72);
console.log(
  `${rule}\n${article.siteName ?? ''} · ${article.lang} · ${article.wordCount} words\n${article.title}\n${rule}`,
);
if (article.lead) console.log(`Lead: ${article.lead}\n`);
if (article.summary.length) console.log(`Tóm tắt:\n${article.summary.map((s) => `  • ${s}`).join('\n')}\n`);
// The figure once, then its snippet: "57 nhóm nhiệm vụ (57 nhóm nhiệm vụ)" said nothing twice.
if (article.figures.length) {
  console.log(
    `Số liệu chính:\n${article.figures.map((f) => `  • ${f.text} — ${f.context?.text ?? f.sentence}`).join('\n')}\n`,
  );
}
if (article.related.length)
  console.log(`Tin liên quan:\n${article.related.map((r) => `  • ${r.title}\n    ${r.url}`).join('\n')}\n`);
console.log(
  `${article.paragraphs.length} paragraphs, ${article.sentences.length} sentences. Full JSON: npm run -s extract -- ${SAMPLE.replace(`${ROOT}/`, '')}`,
);

const extension = join(ROOT, '.output/chrome-mv3');
if ((process.env.DISPLAY || process.argv.includes('--open')) && existsSync(join(extension, 'manifest.json'))) {
  const server = createServer((_, response) =>
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
  );
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    console.log(`\nOpening Chromium with Loa on ${url} — click the Loa icon in the toolbar. Close the window to stop.`);
    const browser = spawn(
      '/usr/bin/chromium',
      [
        `--user-data-dir=${mkdtempSync(join(tmpdir(), 'loa-demo-'))}`,
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        '--enable-speech-dispatcher',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        url,
      ],
      { stdio: 'ignore' },
    );
    browser.on('exit', () => server.close());
  });
}
