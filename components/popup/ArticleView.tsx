import { useEffect, useState } from 'preact/hooks';
import type { Article, Figure } from '@/lib/article';
import { siteOf } from '@/lib/clips/url';
import { TextSizeControl } from '../TextSize';
import type { PopupClient } from './client';
import { ArticlePlayer } from './PlayerBar';
import { Marked } from '../Marked';

/** Words a reader skims per minute, and a voice speaks per minute at 1×. */
const READING_WPM = 230;
const LISTENING_WPM = 150;

type SaveState =
  { state: 'idle' | 'saving' } | { state: 'saved'; created: boolean } | { state: 'failed'; message: string };

/** The site's own name; a page whose "site name" is an address ("https://cafef.vn") gets its host. */
export function siteLabel(article: Pick<Article, 'siteName' | 'url'>): string | null {
  const name = article.siteName?.trim();
  if (name && !/^(https?:\/\/|www\.)/i.test(name)) return name;
  try {
    return siteOf(article.url);
  } catch {
    return name || null;
  }
}

export function ArticleView({
  article,
  client,
  textSize,
  onTextSize,
}: {
  article: Article;
  client: PopupClient;
  textSize: number;
  onTextSize: (size: number) => void;
}) {
  const { t } = client;
  const site = siteLabel(article);
  const readMinutes = Math.max(1, Math.round(article.wordCount / READING_WPM));
  const listenMinutes = Math.max(1, Math.round(article.wordCount / LISTENING_WPM));
  return (
    <main class="popup">
      <header class="article-header">
        {site && <p class="site">{site}</p>}
        <h1 class="title">{article.title}</h1>
        <p class="meta">
          {t('readingTime', [String(readMinutes)])} · {t('listeningTime', [String(listenMinutes)])}
        </p>
        {/* Saving comes right after the title in Tab order: it is what a reader does most after listening. */}
        <div class="header-actions">
          <SaveBar article={article} client={client} />
          <TextSizeControl size={textSize} onChange={onTextSize} t={t} />
        </div>
      </header>
      <ArticlePlayer article={article} client={client} />
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('sectionSummary')}</h2>
        {article.lead && <p class="lead">{article.lead}</p>}
        {article.summary.length > 0 ? (
          <ul class="summary">
            {article.summary.map((sentence, index) => (
              <li key={index}>{sentence}</li>
            ))}
          </ul>
        ) : (
          !article.lead && <p>{article.paragraphs.slice(0, 2).join(' ')}</p>
        )}
        <OnDeviceSummary article={article} client={client} />
      </section>
      {article.figures.length > 0 && <Figures figures={article.figures} client={client} />}
      {article.related.length > 0 && <Related article={article} client={client} />}
    </main>
  );
}

function Figures({ figures, client }: { figures: Figure[]; client: PopupClient }) {
  const [missing, setMissing] = useState<number | null>(null);
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{client.t('sectionFigures')}</h2>
      <ul class="figures">
        {figures.map((figure, index) => (
          <li key={`${figure.where}-${figure.start}`}>
            <button
              type="button"
              class="figure"
              title={figure.sentence}
              aria-describedby={missing === index ? 'figure-missing' : undefined}
              onClick={async () => setMissing((await client.reveal(figure)) ? null : index)}
            >
              <span class="figure-text">{figure.text}</span>
              <span class="figure-sentence">
                {figure.context ? (
                  <Marked text={figure.context.text} ranges={[[figure.context.start, figure.context.end]]} />
                ) : (
                  figure.sentence
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {missing !== null && (
        <p id="figure-missing" class="hint" role="status">
          {client.t('figureNotFound')}
        </p>
      )}
    </section>
  );
}

function SaveBar({ article, client }: { article: Article; client: PopupClient }) {
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const { t } = client;
  const onSave = async () => {
    setSave({ state: 'saving' });
    const response = await client
      .saveClip(article)
      .catch(() => ({ ok: false as const, messageKey: 'clips_error_unknown', substitutions: [] }));
    setSave(
      response.ok
        ? { state: 'saved', created: response.result.created }
        : { state: 'failed', message: t(response.messageKey, response.substitutions) },
    );
  };
  return (
    <div class="save-bar">
      <button type="button" class="primary" onClick={onSave} disabled={save.state === 'saving'}>
        {t('saveClip')}
      </button>
      <button type="button" class="link" onClick={() => void client.openClips()}>
        {t('openClips')}
      </button>
      <p role="status" class={save.state === 'failed' ? 'status error' : 'status'}>
        {save.state === 'saved' && t(save.created ? 'clipSaved' : 'clipUpdated')}
        {save.state === 'failed' && save.message}
      </p>
    </div>
  );
}

type QueueState =
  { state: 'idle' | 'working' } | { state: 'done'; queued: number; skipped: number } | { state: 'failed' };

function Related({ article, client }: { article: Article; client: PopupClient }) {
  const { t } = client;
  const [queue, setQueue] = useState<QueueState>({ state: 'idle' });
  const listenNext = async () => {
    setQueue({ state: 'working' });
    try {
      const { queued, skipped } = await client.queueStories(article.related.map((story) => story.url));
      setQueue({ state: 'done', queued, skipped });
    } catch {
      setQueue({ state: 'failed' });
    }
  };
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">{t('sectionRelated')}</h2>
      <ul class="related">
        {article.related.map((story) => (
          <li key={story.url}>
            <a
              href={story.url}
              target="_blank"
              rel="noopener noreferrer"
              onClick={(event) => {
                event.preventDefault();
                void client.openInNewTab(story.url);
              }}
            >
              {story.title}
            </a>
            {story.summary && <p class="related-summary">{story.summary}</p>}
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={listenNext} disabled={queue.state === 'working'}>
        {t('listenNext')}
      </button>
      <p role="status" class="hint">
        {queue.state === 'working' && t('listenNextWorking')}
        {queue.state === 'done' && queue.queued === 0 && t('listenNextNone')}
        {queue.state === 'done' && queue.queued > 0 && t('listenNextDone', [String(queue.queued)])}
        {queue.state === 'done' &&
          queue.queued > 0 &&
          queue.skipped > 0 &&
          ` ${t('listenNextSkipped', [String(queue.skipped)])}`}
        {queue.state === 'failed' && t('listenNextFailed')}
      </p>
    </section>
  );
}

type OnDeviceState = { state: 'unavailable' | 'ready' | 'working' | 'failed' } | { state: 'done'; summary: string };

/** Chrome's on-device summary, only where the browser has the model ready: never required, never an error. */
function OnDeviceSummary({ article, client }: { article: Article; client: PopupClient }) {
  const { t } = client;
  const [onDevice, setOnDevice] = useState<OnDeviceState>({ state: 'unavailable' });
  useEffect(() => {
    let live = true;
    client.onDeviceSummarizerReady(article.lang).then(
      (ready) => live && ready && setOnDevice({ state: 'ready' }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [article, client]);
  if (onDevice.state === 'unavailable') return null;
  if (onDevice.state === 'done') {
    return (
      <div class="on-device">
        <h3>{t('onDeviceHeading')}</h3>
        <p>{onDevice.summary}</p>
      </div>
    );
  }
  return (
    <p class="on-device">
      <button
        type="button"
        class="link"
        disabled={onDevice.state === 'working'}
        onClick={async () => {
          setOnDevice({ state: 'working' });
          const summary = await client
            .summarizeOnDevice([article.lead ?? '', article.text].join('\n\n'), article.lang)
            .catch(() => null);
          setOnDevice(summary ? { state: 'done', summary } : { state: 'failed' });
        }}
      >
        {t('onDeviceButton')}
      </button>
      {onDevice.state === 'failed' && <span class="hint"> {t('onDeviceFailed')}</span>}
    </p>
  );
}
