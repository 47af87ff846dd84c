/* A support portal on another origin, for tests/browser/test_embed.py. Its query says what to do:
 *   site=<the guide's address>  page, lang, section, hash, theme: WalletGuideEmbed.mount options
 *   raw=<parent origin>: no embed.js; a plain iframe whose ?parent= claims that origin.
 * It records every message it receives (window.__messages) and every embed event (window.__events). */
(() => {
  "use strict";
  const query = new URLSearchParams(location.search);
  const site = query.get("site");
  window.__messages = [];
  window.__events = [];
  window.addEventListener("message", (ev) => window.__messages.push({ origin: ev.origin, data: ev.data }));
  const element = document.getElementById("guide");
  for (const type of ["ready", "resize", "navigation", "feedback", "summary"]) {
    element.addEventListener(`wallet-guide:${type}`, (ev) => window.__events.push(ev.detail));
  }

  if (query.has("raw")) {
    const frame = document.createElement("iframe");
    const url = new URL((query.get("page") || "/").replace(/^\//, ""), site);
    url.searchParams.set("embed", "1");
    url.searchParams.set("parent", query.get("raw"));
    frame.src = url.href;
    frame.title = "guide";
    frame.addEventListener("load", () => { window.__loaded = true; });
    element.appendChild(frame);
    return;
  }

  const script = document.createElement("script");
  script.src = new URL("assets/wallet-guide/embed.js", site).href;
  script.addEventListener("load", () => {
    const options = {};
    for (const name of ["page", "lang", "section", "hash", "theme"]) {
      if (query.has(name)) options[name] = query.get(name);
    }
    window.__guide = window.WalletGuideEmbed.mount(element, options);
    window.__guide.frame.addEventListener("load", () => { window.__loaded = true; });
  });
  document.head.appendChild(script);
})();
