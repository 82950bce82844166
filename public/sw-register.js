// Registers the offline service worker that sits beside this script, scoped to the site's base path.
if ('serviceWorker' in navigator && document.currentScript) {
  const here = new URL(document.currentScript.src);
  const scope = new URL('./', here);
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(new URL('sw.js', scope), { scope: scope.pathname }).catch(() => {
      // No worker in the dev server, or storage is disabled: the site works online as before.
    });
  });
}
