/* Registers the service worker (sw.js at the site root) for offline reading, and asks it to save
 * this page, its language's checklist, solutions and support (the worker knows which) and its
 * search index. Not in the embed view, nor inside any frame. */
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || window.self !== window.top) return;
  if (new URLSearchParams(location.search).has("embed")) return;
  // The site's root and the worker's address: the page's settings block (main.html).
  const settings = JSON.parse(document.getElementById("wg-settings").textContent);
  const root = new URL(settings.root, location.href);
  // Once the page is idle: the saving never competes with what the reader is waiting for.
  const whenIdle = (then) => (window.requestIdleCallback ? requestIdleCallback(then, { timeout: 3000 }) : setTimeout(then, 500));
  const askToSave = (worker) => worker && whenIdle(() => worker.postMessage({
    type: "wg-save-pages",
    path: location.pathname,
    // What this page loaded before the worker existed (from the HTTP cache: no new download).
    assets: performance.getEntriesByType("resource").map((entry) => entry.name),
    // This language's search index, saved in the background so that search works offline.
    search: settings.search && {
      index: new URL(settings.search.index, root).href,
      bundle: new URL(settings.search.bundle, root).href,
    },
  }));
  window.addEventListener("load", () => {
    navigator.serviceWorker.register(new URL(settings.offline.worker, root), { scope: root.pathname })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => askToSave(registration.active))
      .catch((error) => console.warn("offline reading unavailable:", error));
    // A new deploy's worker starts with an empty cache and deletes the old one: ask it too, or
    // the checklist is gone offline until the reader's next visit. Not on a first visit, where
    // the first worker taking the page is the one just asked (asking twice fetched it twice).
    const replacing = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (replacing) askToSave(navigator.serviceWorker.controller);
    });
  });
})();
