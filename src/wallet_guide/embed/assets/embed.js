/* wallet-guide embed.js (protocol v1): the manual is the guide's integrator page, /integrate/. */
// wallet-guide embed.js: a page of the guide inside your site, as tall as its content.
//
//   <div id="guide"></div>
//   <script src="https://<guide>/embed/v1/embed.js"></script>
//   <script>WalletGuideEmbed.mount(document.getElementById("guide"), { page: "/causes/", lang: "en" });</script>
//
// or, with no code of your own (the link inside stays if this script cannot load):
//   <div data-wallet-guide-page="/causes/" data-wallet-guide-lang="en"><a href="https://<guide>/en/causes/">…</a></div>
// Options, events and the message protocol (v1): the guide's integrator page, /integrate/.
// Types: embed.d.ts beside this file. No dependencies. SETTINGS: given by the build.
/* global SETTINGS */
(() => {
  "use strict";
  if (window.WalletGuideEmbed) {
    window.WalletGuideEmbed.scan(); // loaded again (a page change): mount what is new
    return;
  }
  const SOURCE = "wallet-guide";
  const VERSION = 1;
  const THEMES = ["light", "dark"];
  // Messages the guide sends; each has a callback option on<Type> and a DOM event wallet-guide:<type>.
  const GUIDE_MESSAGES = ["ready", "resize", "navigation", "state", "feedback", "summary"];
  const DEFAULT_HEIGHT = 600; // px until the page says its own: about a phone screen of text
  const DEFAULT_TIMEOUT = 10000; // ms from the frame starting to load to the guide's `ready`
  const LOAD_GRACE = 2000; // ms after the frame's document loaded without a word: an error page
  const LANGUAGES = SETTINGS.languages;
  const defaultSite = guideRoot(document.currentScript);
  const defaultLang = Object.keys(LANGUAGES).find((code) => LANGUAGES[code].root === "");

  // Without siteUrl: this file's address minus the path it is published at (one of its fixed
  // addresses, or the immutable one named by its hash); a copy served elsewhere: the site's
  // address at build time.
  function guideRoot(script) {
    const src = script && script.src ? new URL(script.src) : null;
    const immutable = src && src.pathname.match(new RegExp(`/(${SETTINGS.immutable}embed\\.[0-9a-f]+\\.js)$`));
    const path = src && (SETTINGS.paths.find((published) => src.pathname.endsWith(`/${published}`)) ||
      (immutable && immutable[1]));
    return path ? new URL(src.pathname.slice(0, -path.length), src).href : SETTINGS.site;
  }

  function checkTheme(theme) {
    if (!THEMES.includes(theme)) throw new Error(`WalletGuideEmbed: theme must be "light" or "dark", not ${JSON.stringify(theme)}`);
    return theme;
  }

  const callbackName = (type) => `on${type[0].toUpperCase()}${type.slice(1)}`;

  // The page as the guide's address writes it may start with its language's folder
  // ("/en/causes/" with lang "en"): that folder is the language's, not part of the page.
  function pagePath(page, lang) {
    const path = String(page || "/").replace(/^\/+/, "");
    for (const [code, texts] of Object.entries(LANGUAGES)) {
      if (!texts.root || !path.startsWith(texts.root)) continue;
      if (code === lang) return path.slice(texts.root.length);
      throw new Error(`WalletGuideEmbed: page ${JSON.stringify(page)} is in the folder of language "${code}", but lang is "${lang}": ` +
        `pass page: ${JSON.stringify("/" + path.slice(texts.root.length))} with lang: "${code}"`);
    }
    return path;
  }

  const mounted = new WeakMap(); // element -> its mount: a second mount replaces the first

  function mount(element, options = {}) {
    if (!(element instanceof Element)) throw new Error(`WalletGuideEmbed.mount: the first argument must be an element, not ${element} (is its id right, and is this script after it?)`);
    const lang = options.lang || defaultLang;
    if (!(lang in LANGUAGES)) throw new Error(`WalletGuideEmbed: lang must be one of ${Object.keys(LANGUAGES).join(", ")}`);
    const texts = LANGUAGES[lang];
    const pageUrl = new URL(texts.root + pagePath(options.page, lang), new URL(options.siteUrl || defaultSite, location.href));
    if (options.hash) pageUrl.hash = options.hash;
    const url = new URL(pageUrl.href);
    url.searchParams.set("embed", "1");
    if (options.theme) url.searchParams.set("theme", checkTheme(options.theme));
    if (options.section) url.searchParams.set("section", options.section);
    if (options.rememberTicks) url.searchParams.set("remember", "1");
    url.searchParams.set("parent", location.origin);
    const siteOrigin = url.origin;
    const timeout = options.timeout == null || options.timeout === "" ? DEFAULT_TIMEOUT : Number(options.timeout);
    if (!(timeout > 0)) throw new Error(`WalletGuideEmbed: timeout must be a number of milliseconds, not ${JSON.stringify(options.timeout)}`);
    if (mounted.has(element)) mounted.get(element).destroy();

    const box = document.createElement("div");
    box.style.position = "relative"; // holds the marker that scrolls a section into view
    const frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = options.title || texts.name;
    frame.loading = "lazy";
    frame.style.cssText = `display:block;width:100%;border:0;height:${Number(options.height) || DEFAULT_HEIGHT}px`;
    // Until the guide answers: a placeholder of the frame's height, then a way on if it never does.
    const notice = document.createElement("div");
    notice.setAttribute("role", "status");
    notice.style.cssText = "position:absolute;inset:0;padding:1em;font:inherit;color:inherit;pointer-events:none";
    notice.textContent = texts.loading;
    box.append(frame, notice);
    element.replaceChildren(box);
    element.setAttribute("data-wallet-guide-mounted", "");

    let theme = null; // set with setTheme(): sent again if the frame loads a new document
    let navigations = 0;
    let answered = false;
    let failed = false;
    let readies = 0; // `ready` messages: one per document the frame loaded
    let timer = 0;
    let settle = { resolve() {}, reject() {} };
    const ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    ready.catch(() => {}); // reported through onError and wallet-guide:error too: never unhandled

    function emit(type, detail) {
      const callback = options[callbackName(type)];
      if (typeof callback === "function") callback(detail);
      element.dispatchEvent(new CustomEvent(`wallet-guide:${type}`, { detail }));
    }

    function fail(reason) {
      if (failed) return;
      failed = true;
      clearTimeout(timer);
      frame.style.display = "none";
      box.append(notice); // removed at the first `ready`
      const link = document.createElement("a");
      link.href = pageUrl.href;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = texts.open;
      notice.style.position = "static";
      notice.style.pointerEvents = "auto";
      notice.replaceChildren(`${texts.error} `, link);
      const error = new Error(`WalletGuideEmbed: ${reason} (${pageUrl.href}). Is the guide up, and is ${location.origin} on its allow-list?`);
      error.url = pageUrl.href;
      settle.reject(error);
      emit("error", { message: error.message, url: pageUrl.href });
    }

    function startTimer() {
      if (!timer && !answered && !failed) timer = setTimeout(() => fail(`no answer within ${timeout / 1000} s`), timeout);
    }
    // A lazy frame far down the portal's page starts loading only near the viewport: so does the timer.
    if (typeof IntersectionObserver === "function") {
      const near = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        near.disconnect();
        startTimer();
      }, { rootMargin: "1250px" });
      near.observe(box);
    } else startTimer();
    // A document that loaded and said nothing is a browser error page (refused, offline) or a
    // guide that does not allow this origin.
    // Also after the first `ready`: a page followed inside the frame that the browser could not
    // load (the guide became unreachable) is its error page, in the portal.
    let readiesAtLoad = 0;
    frame.addEventListener("load", () => {
      const before = readiesAtLoad;
      readiesAtLoad = readies;
      if (readies > before) return; // this document said `ready` before its load event
      setTimeout(() => {
        if (readies === readiesAtLoad) fail(answered ? "the guide stopped answering" : "the frame loaded but the guide did not answer");
      }, Math.min(LOAD_GRACE, timeout));
    });

    function reveal(top, block) {
      const marker = document.createElement("span");
      marker.style.cssText = `position:absolute;left:0;top:${top}px;width:1px;height:1px`;
      box.appendChild(marker);
      marker.scrollIntoView({ block });
      marker.remove();
    }

    function send(message) {
      if (frame.contentWindow) {
        frame.contentWindow.postMessage({ source: SOURCE, version: VERSION, ...message }, siteOrigin);
      }
    }

    function onMessage(ev) {
      const data = ev.data;
      if (ev.source !== frame.contentWindow || ev.origin !== siteOrigin) return;
      if (!data || data.source !== SOURCE || data.version !== VERSION || !GUIDE_MESSAGES.includes(data.type)) return;
      if (data.type === "ready") {
        if (!answered) settle.resolve(data);
        answered = true;
        failed = false;
        readies += 1;
        clearTimeout(timer);
        frame.style.display = "block"; // also when the guide answers after a time-out
        notice.remove();
        if (theme) send({ type: "set-theme", theme });
      }
      if (data.type === "resize" && Number.isFinite(data.height) && data.height >= 0) {
        frame.style.height = `${Math.ceil(data.height)}px`;
        watchViewport();
      }
      if (data.type === "ready") {
        lastView = ""; // a new document: tell it where the portal's screen is
        sendViewport();
      }
      if ((data.type === "ready" || data.type === "navigation") && typeof data.title === "string" && data.title) {
        frame.title = data.title;
      }
      // A new page or #section: our frame has no scroll bar, bring it into view. A `state`
      // message (a box ticked) changes nothing in view.
      if (data.type === "navigation" && options.scroll !== false) {
        if (Number.isFinite(data.top)) reveal(data.top, "start");
        else if (navigations > 0) reveal(0, "nearest");
        navigations += 1;
      }
      emit(data.type, data);
    }
    window.addEventListener("message", onMessage);

    // `viewport`: the part of the frame the portal's screen shows, so that what sticks to the
    // bottom of the screen on the guide's own pages (the checklist's bar) sticks to the bottom of
    // the portal's screen, not of the frame (as tall as its content: far below a phone's screen).
    let lastView = "";
    let viewFrame = 0;
    function sendViewport() {
      viewFrame = 0;
      if (!answered || failed) return;
      const rect = frame.getBoundingClientRect();
      const top = Math.max(0, Math.round(-rect.top));
      const bottom = Math.max(0, Math.round(Math.min(rect.height, window.innerHeight - rect.top)));
      if (`${top},${bottom}` === lastView) return;
      lastView = `${top},${bottom}`;
      send({ type: "viewport", top, bottom });
    }
    function watchViewport() {
      if (!viewFrame) viewFrame = requestAnimationFrame(sendViewport);
    }
    document.addEventListener("scroll", watchViewport, { capture: true, passive: true }); // any scrolling box
    window.addEventListener("resize", watchViewport);

    const handle = {
      element,
      frame,
      ready,
      setTheme(value) {
        theme = checkTheme(value);
        send({ type: "set-theme", theme });
      },
      destroy() {
        clearTimeout(timer);
        cancelAnimationFrame(viewFrame);
        failed = true; // nothing more is reported
        window.removeEventListener("message", onMessage);
        document.removeEventListener("scroll", watchViewport, { capture: true });
        window.removeEventListener("resize", watchViewport);
        box.remove();
        element.removeAttribute("data-wallet-guide-mounted");
        if (mounted.get(element) === handle) mounted.delete(element);
      },
    };
    mounted.set(element, handle);
    return handle;
  }

  function scan() {
    for (const element of document.querySelectorAll("[data-wallet-guide-page]:not([data-wallet-guide-mounted])")) {
      const data = element.dataset;
      try {
        element.walletGuideEmbed = mount(element, {
          page: data.walletGuidePage, lang: data.walletGuideLang, section: data.walletGuideSection,
          hash: data.walletGuideHash, theme: data.walletGuideTheme, title: data.walletGuideTitle,
          height: data.walletGuideHeight, timeout: data.walletGuideTimeout,
          rememberTicks: "walletGuideRememberTicks" in data && data.walletGuideRememberTicks !== "false",
        });
      } catch (error) {
        // The element keeps its link; the portal hears why, as from a mount that failed later.
        console.error(error);
        element.dispatchEvent(new CustomEvent("wallet-guide:error", { detail: { message: error.message, url: null } }));
      }
    }
  }

  window.WalletGuideEmbed = { version: VERSION, mount, scan };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan, { once: true });
  else scan();
})();
