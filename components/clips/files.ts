/** Hands `text` to the browser as a download named `fileName`. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // Revoking at once can cancel the download in Chromium; a minute is ample for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "loa-clips-2026-03-08.json", in the user's local date. */
export function exportFileName(now: Date, extension: 'json' | 'md'): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `loa-clips-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
