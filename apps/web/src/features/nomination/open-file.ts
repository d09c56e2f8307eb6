import { downloadFile } from '../../lib/files';
import { toUserMessage } from '../../lib/errors';

/** What a browser shows itself: a PDF and images. Word and the rest are saved instead. */
const SHOWN = /\.(pdf|png|jpe?g)$/i;

/**
 * Open a stored file: a PDF or an image in a new tab of the browser, anything else (Word) saved to the computer. The
 * files service serves it as an attachment, so it is read with the session and shown from memory; the tab is opened at
 * once (a tab opened after waiting is blocked as a pop-up) and then given the file.
 */
export async function openStoredFile(fileId: string, fileName: string): Promise<void> {
  const url = `/files/${encodeURIComponent(fileId)}`;
  if (!SHOWN.test(fileName)) return downloadFile(url, fileName);
  const tab = window.open('', '_blank');
  try {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) {
      tab?.close();
      // The download path says why in Vietnamese (rights, a file no longer there).
      await downloadFile(url, fileName);
      return;
    }
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    if (tab) tab.location.href = href;
    else window.location.assign(href);
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  } catch (err) {
    tab?.close();
    throw new Error(toUserMessage(err));
  }
}
