/* Loads Material's bundle on the reader's first interaction instead of at page load.
 *
 * Why: evaluating the bundle is one ~170 ms task on a mid-range phone, which alone costs the
 * page its Lighthouse performance score (total blocking time). Everything a reader sees works
 * without it: the page is static HTML, the palette is applied by Material's inline script,
 * links load pages normally, and our own scripts (search, language switcher, checklist, embed)
 * do not need it. What the bundle adds (instant navigation, table-of-contents tracking, the
 * palette toggle) starts on the first pointer, key, touch, wheel or scroll event.
 *
 * `window.document$` keeps Material's contract for other scripts: until the bundle is here it is
 * a stand-in whose subscribe(fn) runs fn for the current page; once the bundle sets the real one,
 * every subscriber is moved over and called again only for later (instant) page changes. */
(() => {
  "use strict";
  // Resolved now, against the first page (instant navigation will replace it): the bundle's
  // name, read from the installed theme at build time, is in the page's settings block.
  const settings = JSON.parse(document.getElementById("wg-settings").textContent);
  const bundleUrl = new URL(settings.bundle, new URL(settings.root, location.href)).href;
  const subscribers = [];
  let pendingPaletteChoice = null;

  const whenParsed = (fn) =>
    document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", fn, { once: true }) : fn();

  const standIn = {
    subscribe(fn) {
      subscribers.push(fn);
      whenParsed(() => fn(document));
      return { unsubscribe() { subscribers.splice(subscribers.indexOf(fn), 1); } };
    },
  };

  function adopt(real) {
    Object.defineProperty(window, "document$", { value: real, writable: true, configurable: true });
    for (const fn of subscribers) {
      let initial = true; // the real document$ replays the current page, already handled
      real.subscribe((doc) => (initial ? (initial = false) : fn(doc)));
    }
    // A palette toggle tapped before the bundle arrived: apply it once Material's components
    // are mounted (on the first document$ emission; they subscribed before us).
    let mounted = false;
    real.subscribe(() => {
      if (mounted) return;
      mounted = true;
      document.documentElement.dataset.wgMaterial = "ready"; // for tests and other scripts
      const input = pendingPaletteChoice && document.getElementById(pendingPaletteChoice);
      pendingPaletteChoice = null;
      if (input) {
        input.checked = true;
        input.dispatchEvent(new Event("change"));
      }
    });
  }

  Object.defineProperty(window, "document$", {
    configurable: true,
    get: () => standIn,
    set: adopt,
  });

  let requested = false;
  const TRIGGERS = ["pointerdown", "keydown", "touchstart", "wheel", "scroll"];
  function load(event) {
    const label = event && event.target instanceof Element &&
      event.target.closest("form[data-md-component=palette] label");
    if (label) pendingPaletteChoice = label.htmlFor;
    if (requested) return;
    requested = true;
    for (const type of TRIGGERS) window.removeEventListener(type, load, true);
    const bundle = document.createElement("script");
    bundle.src = bundleUrl;
    // Material starts on DOMContentLoaded. Arriving later, it would wait for that event forever:
    // replay it for the bundle (our own scripts listen with {once: true} and have already run).
    bundle.addEventListener("load", () => {
      if (document.readyState !== "loading") document.dispatchEvent(new Event("DOMContentLoaded"));
    });
    document.head.append(bundle);
  }
  for (const type of TRIGGERS) window.addEventListener(type, load, { capture: true, passive: true });
  // Embedded in a support portal (?embed=1) the host drives the page: load at once.
  if (new URLSearchParams(location.search).has("embed")) whenParsed(load);
})();
