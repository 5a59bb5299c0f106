/**
 * Who may ask the background for what. A content script runs inside the page it reads, so a page
 * that subverts it (or the one it runs in) could make it send anything: saving clips and opening
 * pages is for Loa's own pages only, speaking is for Loa's own content scripts in a tab.
 */

/** The part of `runtime.MessageSender` (also a port's `sender`) the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** This extension as the browser names it: `browser.runtime.id` and `browser.runtime.getURL('/')`. */
export interface OwnExtension {
  id: string;
  /** Ends with "/", so a prefix test cannot match "chrome-extension://<id>.evil/". */
  base: string;
}

/** The popup or the clips page, wherever it is shown (its own window or a tab). */
export function isOwnExtensionPage(sender: SenderLike | undefined, self: OwnExtension): boolean {
  return sender?.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.base);
}

/** Loa's content script in a web page's tab (not an extension page, not another extension). */
export function isOwnContentScript(sender: SenderLike | undefined, self: OwnExtension): boolean {
  return (
    sender?.id === self.id &&
    typeof sender.tab?.id === 'number' &&
    typeof sender.url === 'string' &&
    !sender.url.startsWith(self.base)
  );
}
