/**
 * A wide table scrolls inside itself on a narrow screen (see custom.css). A keyboard user can scroll it
 * only if it can take focus, so a table that overflows becomes a Tab stop, and stops being one when the
 * screen is wide enough again. Expressive Code does the same for code blocks.
 */
function update(table: HTMLElement): void {
  const scrolls = table.scrollWidth > table.clientWidth + 1;
  if (scrolls && !table.hasAttribute('tabindex')) table.tabIndex = 0;
  if (!scrolls && table.getAttribute('tabindex') === '0') table.removeAttribute('tabindex');
}

const observer = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target as HTMLElement)));
document.querySelectorAll<HTMLElement>('.sl-markdown-content table').forEach((table) => observer.observe(table));
