import { formatBytes, type OfflineManifest, type OfflineReply, type OfflineRequest } from '../site/offline-protocol.ts';

/** The control of OfflineCopy.astro: the size of the whole wiki first, then keeping it, with progress. */

/** The size of the whole wiki and of its pages, from the build's list of files. */
function sizeOf(manifest: OfflineManifest): { bytes: number; pages: number } {
  return { bytes: manifest.files.reduce((sum, file) => sum + file[1], 0), pages: manifest.files.filter((file) => file[3] === 'page').length };
}

/** Room the browser may still give this site, when it says. */
async function roomLeft(): Promise<number | undefined> {
  try {
    const estimate = await navigator.storage?.estimate();
    return estimate?.quota === undefined || estimate.usage === undefined ? undefined : estimate.quota - estimate.usage;
  } catch {
    return undefined;
  }
}

export async function enhanceOfflineCopy(root: HTMLElement): Promise<void> {
  const find = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const status = find<HTMLElement>('[data-offline-status]');
  const actions = find<HTMLElement>('[data-offline-actions]');
  const keep = find<HTMLButtonElement>('[data-offline-keep]');
  const forget = find<HTMLButtonElement>('[data-offline-forget]');
  const progress = find<HTMLProgressElement>('[data-offline-progress]');
  const say = (text: string) => (status.textContent = text);

  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    say('This browser cannot keep the wiki for reading offline.');
    return;
  }
  let manifest: OfflineManifest;
  try {
    const response = await fetch(root.dataset['manifest'] ?? '');
    if (!response.ok) throw new Error(String(response.status));
    manifest = (await response.json()) as OfflineManifest;
  } catch {
    say('The size of the wiki could not be loaded; offline reading is set up when the site is built and served, not in the dev server.');
    return;
  }
  const whole = sizeOf(manifest);
  const registration = await navigator.serviceWorker.ready;
  const send = (request: OfflineRequest) => registration.active?.postMessage(request);

  const describe = (reply: Extract<OfflineReply, { type: 'offline-status' }>) => {
    progress.hidden = true;
    keep.disabled = false;
    forget.disabled = false;
    forget.hidden = reply.saved === 0;
    if (reply.keepAll && reply.saved === reply.total) {
      say(`The whole wiki is kept offline: ${whole.pages} pages, search and every file, ${formatBytes(reply.savedBytes)}. New versions are saved as they are published.`);
      keep.hidden = true;
    } else {
      say(`Pages you open, and search, are kept offline as you read (${formatBytes(reply.savedBytes)} so far). The whole wiki is ${formatBytes(whole.bytes)}: ${whole.pages} pages, search and every file.`);
      keep.hidden = false;
      keep.textContent = `Keep the whole wiki offline (${formatBytes(whole.bytes)})`;
    }
    actions.hidden = false;
  };

  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<OfflineReply>) => {
    const reply = event.data;
    if (reply.type === 'offline-status') describe(reply);
    else if (reply.type === 'offline-progress') {
      progress.hidden = false;
      progress.max = reply.total;
      progress.value = reply.done;
      say(`Saving the wiki for offline reading: ${reply.done} of ${reply.total} files${reply.failed > 0 ? `, ${reply.failed} could not be fetched` : ''}…`);
    } else if (reply.type === 'offline-done') {
      send({ type: 'offline-status' });
      if (reply.failed > 0) say(`${reply.failed} files could not be fetched; the rest of the wiki is saved. Try again to fetch them.`);
    } else if (reply.type === 'offline-error') {
      progress.hidden = true;
      keep.disabled = false;
      say(`The wiki was not saved: ${reply.message}.`);
    }
  });

  keep.addEventListener('click', async () => {
    const room = await roomLeft();
    if (room !== undefined && room < whole.bytes) {
      say(`This browser offers ${formatBytes(room)} for the site, less than the ${formatBytes(whole.bytes)} the whole wiki needs. Free some space first; pages you open are still kept.`);
      return;
    }
    // Ask the browser not to clear the copy when space runs low; it may say no, and the copy is kept anyway.
    await navigator.storage?.persist?.().catch(() => false);
    keep.disabled = true;
    forget.disabled = true;
    say(`Saving the wiki for offline reading (${formatBytes(whole.bytes)})…`);
    send({ type: 'offline-keep-all' });
  });
  forget.addEventListener('click', () => {
    forget.disabled = true;
    send({ type: 'offline-forget-pages' });
  });
  send({ type: 'offline-status' });
}
