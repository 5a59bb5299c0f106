import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { createPopupClient } from '@/components/popup/client';
import '@/components/theme.css';
import './popup.css';

/** Which tab the popup works on: the active one, or `?tab=<id>` (tests open the popup in a tab). */
async function targetTab() {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  if (requested) return browser.tabs.get(requested);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('vi') ? 'vi' : browser.i18n.getUILanguage();
render(<Popup client={createPopupClient(targetTab)} />, document.getElementById('app')!);
