/* The embed view (README.md, "Embedding"; the protocol is on the integrator page), loaded by
 * embed-head.js when the address has ?embed=1: ?theme=light|dark, ?section=ID, #id, links that
 * stay embedded, and the messages. They go only to the parent's origin when it is on the
 * allow-list (mkdocs.yml, embed_allowed_origins; the site itself is always on it), never "*". */
(() => {
  "use strict";
  const SOURCE = "wallet-guide";
  const VERSION = 1;
  const SCHEMES = { light: "default", dark: "slate" };
  const OWN_PARAMS = ["embed", "theme", "parent", "section", "remember"];
  const HEADING = /^H([1-6])$/;
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;
  // The site's root, the language folders and the allow-list: the page's settings block (main.html).
  const settings = JSON.parse(document.getElementById("wg-settings").textContent);
  const siteRoot = new URL(settings.root, location.href);
  const languages = settings.embed.languages;
  const allowed = new Set([location.origin, ...settings.embed.origins]);
  let theme = SCHEMES[params.get("theme")] ? params.get("theme") : null;

  // The portal's origin: the browser's record of it, else ?parent= (set by embed.js, kept by our
  // links so it survives page loads inside the frame), else the referrer; unlisted: silence.
  const parentOrigin = (() => {
    if (window.parent === window) return null;
    const ancestors = location.ancestorOrigins;
    let origin = ancestors && ancestors.length ? ancestors[0] : params.get("parent");
    if (!origin && document.referrer) origin = new URL(document.referrer).origin;
    return allowed.has(origin) ? origin : null;
  })();

  if (parentOrigin) root.dataset.wgPortal = "1"; // embed.css shows what only a portal can use

  function post(type, data) {
    if (parentOrigin) {
      window.parent.postMessage({ source: SOURCE, version: VERSION, type, ...data }, parentOrigin);
    }
  }

  /* ---- Theme: Material's palette attribute, never stored as the reader's own choice ---- */
  function applyTheme() {
    const body = document.body;
    if (theme && body.getAttribute("data-md-color-scheme") !== SCHEMES[theme]) {
      body.setAttribute("data-md-color-scheme", SCHEMES[theme]);
    }
  }

  /* ---- Links: internal ones stay in the embed view, external ones open a new tab ---- */
  function adapt(link) {
    if (!(link instanceof HTMLAnchorElement)) return; // an <a> inside an SVG icon
    const url = new URL(link.href, location.href);
    if (!/^https?:$/.test(url.protocol)) return;
    if (url.origin !== siteRoot.origin || !url.pathname.startsWith(siteRoot.pathname)) {
      link.target = "_blank";
      link.rel = "noopener";
    } else if (url.pathname === location.pathname) {
      const here = new URL(location.href); // same page: keep the section shown, move the hash
      here.hash = url.hash;
      link.href = here.href;
    } else {
      url.searchParams.delete("section");
      url.searchParams.set("embed", "1");
      if (theme) url.searchParams.set("theme", theme);
      if (parentOrigin) url.searchParams.set("parent", parentOrigin);
      if (params.get("remember") === "1") url.searchParams.set("remember", "1");
      link.href = url.href;
    }
  }
  const adaptAll = () => document.querySelectorAll("a[href]").forEach(adapt);
  document.addEventListener("click", (ev) => {
    const link = ev.target instanceof Element && ev.target.closest("a[href]");
    if (link) adapt(link); // links added after the page was shown
  }, true);

  /* ---- ?section=ID: the heading and what follows it up to a heading of its level or higher ---- */
  function showSection(id) {
    const article = document.querySelector("article.md-content__inner");
    const heading = document.getElementById(id);
    if (!article || !heading || heading.parentElement !== article || !HEADING.test(heading.tagName)) {
      console.warn(`wallet-guide embed: this page has no section "${id}"; showing the whole page`);
      return null;
    }
    const level = Number(heading.tagName[1]);
    let inside = false;
    for (const el of article.children) {
      const match = HEADING.exec(el.tagName);
      if (el === heading) inside = true;
      else if (inside && match && Number(match[1]) <= level) inside = false;
      el.classList.toggle("wg-embed-hidden", !inside);
    }
    return id;
  }

  function showAll() {
    document.querySelectorAll(".wg-embed-hidden").forEach((el) => el.classList.remove("wg-embed-hidden"));
  }

  // A single-section view: a link to another section of this page, which the filter hides (the
  // solutions page's «no, next step»), shows that section instead of pointing at nothing. Before
  // the link's own listeners (checklist.js moves to the section and records the answer).
  document.addEventListener("click", (ev) => {
    const link = ev.target instanceof Element && ev.target.closest("a[href]");
    if (!link || !shownSection) return;
    const url = new URL(link.href, location.href);
    let id = "";
    try {
      id = url.pathname === location.pathname ? decodeURIComponent(url.hash.slice(1)) : "";
    } catch { /* not an id */ }
    const target = id && document.getElementById(id);
    if (!target || !target.closest(".wg-embed-hidden")) return;
    const address = new URL(location.href);
    address.searchParams.set("section", id);
    history.replaceState(history.state, "", address.href);
    shownSection = showSection(id);
    if (!shownSection) showAll(); // not a section heading: the whole page, where it is
    link.href = new URL(`#${encodeURIComponent(id)}`, address).href;
  }, true);

  /* ---- What is shown: sent on load, instant navigation and hash changes ---- */
  let shownSection = null;
  let shownPath = null;
  let lastUrl = null;
  let lastPlace = null; // the page and #section last announced: the same place is a state change
  let ready = false;
  let popped = false; // a history move since the last page shown

  function fragment() {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch {
      return "";
    }
  }

  function describe() {
    const url = new URL(location.href);
    OWN_PARAMS.forEach((name) => url.searchParams.delete(name));
    url.search = url.searchParams.toString().replace(/%2C/gi, ","); // ?tick=a,b as the page writes it
    const sitePath = location.pathname.slice(siteRoot.pathname.length);
    let lang = null; // the language whose folder is the longest match: "" holds the default
    for (const [code, prefix] of Object.entries(languages)) {
      if (sitePath.startsWith(prefix) && (lang === null || prefix.length > languages[lang].length)) lang = code;
    }
    lang = lang || root.lang;
    const hashId = fragment();
    const target = hashId ? document.getElementById(hashId) : null;
    return {
      url: url.href,
      path: "/" + sitePath.slice((languages[lang] || "").length),
      lang,
      title: document.title,
      section: target ? hashId : shownSection,
      top: target ? Math.round(target.getBoundingClientRect().top + window.scrollY) : null,
    };
  }

  // The page, the section shown alone and the #section: another one is a navigation.
  const here = () => `${location.pathname}?section=${shownSection || ""}#${fragment()}`;

  const ticks = () => (new URLSearchParams(location.search).get("tick") || "").split(",").filter(Boolean);

  // `navigation`: another page or section, which the portal may scroll to. `state`: the same
  // page and section with another address (the checklist's ticks): the portal must not move.
  function announce() {
    const info = describe();
    if (info.url === lastUrl) return;
    lastUrl = info.url;
    const place = here();
    if (place === lastPlace) {
      post("state", { url: info.url, path: info.path, lang: info.lang, ticks: ticks() });
      return;
    }
    lastPlace = place;
    post("navigation", info);
  }

  /* ---- resize: the content's height, whenever it changes, once per frame, no repeats ---- */
  let lastHeight = null;
  let frame = 0;
  function measure() {
    frame = 0;
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post("resize", { height });
    }
  }
  // A frame off the portal's screen gets no animation frames and no resize observations until
  // the reader scrolls to it (browsers throttle hidden cross-origin frames): a timer measures it
  // anyway, and changes to the page are watched without waiting for a frame either.
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(measure);
    setTimeout(() => {
      if (!frame) return;
      cancelAnimationFrame(frame);
      measure();
    }, 100);
  };

  function show() {
    const section = new URLSearchParams(location.search).get("section");
    shownSection = section ? showSection(section) : null;
    shownPath = location.pathname;
    adaptAll();
    applyTheme(); // again: Material's palette has just applied the reader's own
    if (!ready) {
      const { url, path, lang, title } = describe();
      post("ready", { url, path, lang, title });
      ready = true;
    }
    measure();
    // A page shown is announced as one, even at the same address (a full load, a link followed),
    // except Material showing the same page and section again after Back/Forward between two
    // of its states (the checklist's ticks): popstate has announced that as `state` already.
    const samePlace = popped && here() === lastPlace;
    popped = false;
    if (!samePlace) {
      lastUrl = null;
      lastPlace = null;
    }
    announce();
  }

  /* ---- The reader's answers and summary for customer support (checklist.js dispatches them
   * on document): feedback {step, solved, lang}, summary {text, ticks, tried, lang, time} ---- */
  for (const type of ["feedback", "summary"]) {
    document.addEventListener(`wallet-guide:${type}`, (ev) => post(type, ev.detail));
  }

  // The portal's screen ends `screenBottom` px into this frame (as tall as its content): what
  // sticks to the bottom of the screen (the checklist's bar) sticks there (embed.css). Again
  // when the frame's own height changes, which may reach it after the portal's message.
  let screenBottom = null;
  function placeScreenBottom() {
    if (screenBottom !== null) {
      root.style.setProperty("--wg-embed-screen-bottom", `${Math.max(0, root.clientHeight - screenBottom)}px`);
    }
  }
  window.addEventListener("resize", placeScreenBottom);

  window.addEventListener("message", (ev) => {
    const data = ev.data;
    if (ev.source !== window.parent || !allowed.has(ev.origin)) return;
    if (!data || data.source !== SOURCE || data.version !== VERSION) return;
    if (data.type === "viewport" && Number.isFinite(data.bottom)) {
      screenBottom = data.bottom;
      placeScreenBottom();
    }
    if (data.type === "set-theme" && SCHEMES[data.theme]) {
      theme = data.theme;
      applyTheme();
      const url = new URL(location.href);
      url.searchParams.set("theme", theme);
      history.replaceState(history.state, "", url.href);
      adaptAll();
    }
  });

  function start() {
    new ResizeObserver(schedule).observe(document.body);
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true, characterData: true });
    document.addEventListener("load", schedule, true); // an image or a frame inside the page
    document.addEventListener("toggle", schedule, true); // <details> opening and closing
    if (document.fonts) {
      document.fonts.addEventListener("loadingdone", schedule);
      document.fonts.ready.then(schedule);
    }
    // Material's bundle, whenever it arrives, applies the reader's own palette: the portal's wins.
    new MutationObserver(applyTheme).observe(document.body, { attributeFilter: ["data-md-color-scheme"] });
    // A new section in the address: instant navigation changes it with pushState, which fires
    // no event, during the click; a new page is announced by show() instead.
    const sectionChanged = () => {
      if (location.pathname === shownPath) announce();
    };
    document.addEventListener("click", () => setTimeout(sectionChanged), true);
    window.addEventListener("popstate", () => {
      popped = true;
      sectionChanged();
    });
    document.addEventListener("click", () => { popped = false; }, true);
    window.addEventListener("hashchange", sectionChanged);
    // document$ (Material's, or material-loader.js's stand-in until the bundle is loaded) calls
    // show for the page already shown, then after each instant navigation.
    if (window.document$) window.document$.subscribe(show);
    else show();
  }

  // This script is loaded without blocking the page: it may run before or after it is parsed.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
