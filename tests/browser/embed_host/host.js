/* A support portal on another origin, for tests/browser/test_embed.py. Its query says what to do:
 *   site=<the guide's address>  page, lang, section, hash, theme, timeout, siteUrl,
 *     rememberTicks: WalletGuideEmbed.mount options
 *   script=<embed.js's address> (default: the guide's /embed/v1/embed.js)
 *   declarative=1: the no-code snippet (a data-wallet-guide-* element with its fallback link)
 *   raw=<parent origin>: no embed.js; a plain iframe whose ?parent= claims that origin.
 * It records every message it receives (window.__messages), every embed event (window.__events)
 * and how the mount's `ready` promise settled (window.__outcome). */
(() => {
  "use strict";
  const query = new URLSearchParams(location.search);
  const site = query.get("site");
  const page = query.get("page") || "/";
  window.__messages = [];
  window.__events = [];
  window.__outcome = null;
  window.__summaries = []; // every `summary` the portal received, in order
  window.addEventListener("message", (ev) => window.__messages.push({ origin: ev.origin, data: ev.data }));
  const element = document.getElementById("guide");
  // spacer=<px>: the portal's own content above the guide (a frame below the screen).
  if (query.has("spacer")) document.getElementById("before").style.height = `${query.get("spacer")}px`;
  for (const type of ["ready", "resize", "navigation", "state", "error", "feedback", "summary"]) {
    element.addEventListener(`wallet-guide:${type}`, (ev) => window.__events.push({ type, at: performance.now(), ...ev.detail }));
    if (type === "summary") element.addEventListener(`wallet-guide:${type}`, (ev) => window.__summaries.push(ev.detail));
  }

  if (query.has("raw")) {
    const frame = document.createElement("iframe");
    const url = new URL(page.replace(/^\//, ""), site);
    url.searchParams.set("embed", "1");
    url.searchParams.set("parent", query.get("raw"));
    frame.src = url.href;
    frame.title = "guide";
    frame.addEventListener("load", () => { window.__loaded = true; });
    element.appendChild(frame);
    return;
  }

  const script = document.createElement("script");
  script.src = query.get("script") || new URL("embed/v1/embed.js", site).href;
  if (query.has("declarative")) {
    // As the integrator page shows it: the link works even if embed.js never arrives.
    element.dataset.walletGuidePage = page;
    if (query.has("lang")) element.dataset.walletGuideLang = query.get("lang");
    if (query.has("timeout")) element.dataset.walletGuideTimeout = query.get("timeout");
    const link = document.createElement("a");
    link.href = new URL(page.replace(/^\//, ""), site).href;
    link.textContent = "Open the guide";
    element.appendChild(link);
    script.addEventListener("error", () => { window.__scriptFailed = true; });
    document.head.appendChild(script);
    return;
  }
  script.addEventListener("load", () => {
    const options = {};
    for (const name of ["page", "lang", "section", "hash", "theme", "timeout", "siteUrl"]) {
      if (query.has(name)) options[name] = query.get(name);
    }
    if (query.has("rememberTicks")) options.rememberTicks = true;
    window.__startedAt = performance.now();
    window.__guide = window.WalletGuideEmbed.mount(element, options);
    window.__guide.ready.then(() => { window.__outcome = "ready"; }, (error) => { window.__outcome = error.message; });
    window.__guide.frame.addEventListener("load", () => { window.__loaded = true; });
  });
  document.head.appendChild(script);
})();
