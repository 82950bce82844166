import type { Page } from 'playwright-core';

/** Waits until the page's progress script has put a status menu beside every savable item. */
export async function menusReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('input[data-progress-key]').length === document.querySelectorAll('.progress-status-menu').length);
}

/**
 * The layout shift of the page's main content so far, as Chromium scores it. Shifts of the page frame
 * (Starlight's table of contents moves when a scroll bar appears) are not the content's doing.
 */
export function contentShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node: Node | null }[] })[]) {
            const inContent = entry.sources.some(({ node }) => (node instanceof Element ? node : node?.parentElement)?.closest('main .sl-markdown-content'));
            if (inContent) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 100);
      }),
  );
}
