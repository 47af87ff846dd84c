/* On every page, in <head> (async, high priority): when the address asks for the embed view
 * (?embed=1), mark <html> before the first paint and load the view's stylesheet and script
 * (embed.css, embed-page.js). Any other visit pays for this file only. README.md, "Embedding". */
(() => {
  "use strict";
  const params = new URLSearchParams(location.search);
  if (params.get("embed") !== "1") return;
  const root = document.documentElement;
  // Our asset folder: the page's settings block (main.html puts it before this script).
  const settings = JSON.parse(document.getElementById("wg-settings").textContent);
  const assets = new URL(settings.assets, new URL(settings.root, location.href));
  root.dataset.wgEmbed = "1";

  // Nothing shows until embed.css has hidden the header and navigation (main.html's inline
  // script hid the page already, before the first paint): embed.css makes the page visible
  // again (blocking="render" does the same where browsers support it).
  root.style.visibility = "hidden";
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("embed.css", assets).href;
  style.setAttribute("blocking", "render");
  // Applied (or failed): the page no longer needs hiding, whatever happens to it later.
  const unhide = () => root.style.removeProperty("visibility");
  style.addEventListener("load", unhide);
  style.addEventListener("error", unhide);
  // Not in <head>: Material's instant navigation makes <head> match the next page's, whose HTML
  // has no such link, and would remove it (a blank frame). <html>'s own children outside <head>
  // and <body> are never replaced, and a stylesheet applies wherever its <link> is.
  document.head.after(style);

  const script = document.createElement("script");
  script.src = new URL("embed-page.js", assets).href;
  document.head.appendChild(script);

  // Material's anchor tracking rewrites the #hash from the scroll position, which says nothing
  // in a frame as tall as its content (it would report the last section, or none): take it out
  // of Material's configuration once the page is parsed, before the bundle reads it.
  const untrack = () => {
    const config = document.getElementById("__config");
    if (!config) return;
    const settings = JSON.parse(config.textContent);
    settings.features = settings.features.filter((feature) => feature !== "navigation.tracking");
    config.textContent = JSON.stringify(settings);
  };
  if (document.readyState === "loading") document.addEventListener("readystatechange", untrack, { once: true });
  else untrack();

  // ?theme=: Material's palette attribute on <body>, as soon as there is a <body>.
  const scheme = { light: "default", dark: "slate" }[params.get("theme")];
  const paint = () => document.body.setAttribute("data-md-color-scheme", scheme);
  if (scheme && document.body) paint();
  else if (scheme) {
    const untilBody = new MutationObserver(() => {
      if (!document.body) return;
      untilBody.disconnect();
      paint();
    });
    untilBody.observe(root, { childList: true });
  }
})();
