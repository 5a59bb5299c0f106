import { useEffect, useState } from 'preact/hooks';
import type { ArticleLoad, PopupClient } from './client';
import { ArticleView } from './ArticleView';
import { applyTextSize, DEFAULT_TEXT_SIZE } from '../TextSize';

/** The popup's states are designed, not accidental: each has a sentence and what to do next. */
export function Popup({ client }: { client: PopupClient }) {
  const [load, setLoad] = useState<ArticleLoad | null>(null);
  const [textSize, setTextSize] = useState(DEFAULT_TEXT_SIZE);
  const { t } = client;
  useEffect(() => {
    let live = true;
    client.loadTextSize().then(
      (size) => live && setTextSize(size),
      () => {},
    );
    client.loadArticle().then(
      (result) => live && setLoad(result),
      (error: unknown) => live && setLoad({ state: 'error', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(() => applyTextSize(document, textSize), [textSize]);
  const changeTextSize = (size: number) => {
    setTextSize(size);
    client.saveTextSize(size);
  };

  if (!load) {
    return (
      <main class="popup" aria-busy="true" aria-label={t('popupExtracting')}>
        <div class="skeleton skeleton-title" />
        <div class="skeleton skeleton-line" />
        <div class="skeleton skeleton-line" />
        <div class="skeleton skeleton-line short" />
        <p class="visually-hidden" role="status">
          {t('popupExtracting')}
        </p>
      </main>
    );
  }
  switch (load.state) {
    case 'ready':
      return <ArticleView article={load.article} client={client} textSize={textSize} onTextSize={changeTextSize} />;
    case 'restricted':
      return <Notice title={t('stateRestrictedTitle')} body={t('stateRestrictedBody')} client={client} />;
    case 'file-access':
      return <Notice title={t('stateFileAccessTitle')} body={t('stateFileAccessBody')} client={client} />;
    case 'not-article':
      return <Notice title={t('stateNoArticleTitle')} body={t('stateNoArticleBody')} client={client} />;
    case 'too-large':
      return (
        <Notice title={t('stateTooLargeTitle')} body={t('stateTooLargeBody')} detail={load.message} client={client} />
      );
    case 'too-slow':
      return (
        <Notice title={t('stateTooSlowTitle')} body={t('stateTooSlowBody')} detail={load.message} client={client} />
      );
    case 'error':
      return <Notice title={t('stateErrorTitle')} body={t('stateErrorBody')} detail={load.message} client={client} />;
  }
}

function Notice({
  title,
  body,
  detail,
  client,
}: {
  title: string;
  body: string;
  detail?: string;
  client: PopupClient;
}) {
  return (
    <main class="popup notice">
      <div role="alert">
        <h1>{title}</h1>
        <p>{body}</p>
        {detail && <p class="detail">{detail}</p>}
      </div>
      <button type="button" class="link" onClick={() => void client.openClips()}>
        {client.t('openClips')}
      </button>
    </main>
  );
}
