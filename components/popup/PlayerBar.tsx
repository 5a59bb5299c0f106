import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/lib/article';
import type { SpeechCommand, SpeechStatus } from '@/lib/messages';
import { PlayerBar } from '../PlayerBar';
import type { PopupClient } from './client';

/**
 * The popup's player over the page's reader: reading goes on when the popup closes, so the bar
 * asks for its state on opening and follows its broadcasts.
 */
export function ArticlePlayer({ article, client }: { article: Article; client: PopupClient }) {
  const [status, setStatus] = useState<SpeechStatus | null>(null);
  useEffect(() => {
    let live = true;
    const stop = client.onSpeechStatus((next) => live && setStatus(next));
    client.speechStatus().then(
      (next) => live && setStatus(next),
      () => {},
    );
    return () => {
      live = false;
      stop();
    };
  }, [client]);

  // The reader broadcasts every change; a command's own answer can arrive after a newer broadcast
  // and show a stale state, so it is not used. No answer at all means the tab navigated away or
  // closed under the popup: say so rather than do nothing.
  const run = (command: SpeechCommand) =>
    void client
      .speech(command)
      .catch(() => setStatus((current) => current && { ...current, error: 'page-unavailable' }));
  return (
    <PlayerBar
      status={status}
      run={run}
      play={() => run({ action: 'play', what: 'article' })}
      wordCount={article.wordCount}
      voiceOptions={client.voiceOptions}
      t={client.t}
    />
  );
}
