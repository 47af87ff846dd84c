/* wallet-guide embed.js: a page of the guide inside your site, as tall as its content.
 *
 *   <div id="guide"></div>
 *   <script src="https://<guide>/assets/wallet-guide/embed.js"></script>
 *   <script>WalletGuideEmbed.mount(document.getElementById("guide"), { page: "/causes/", lang: "en" });</script>
 *
 * or, with no code of your own: <div data-wallet-guide-page="/causes/" data-wallet-guide-lang="en"></div>
 * Options, events and the message protocol (v1): the guide's integrator page, /integrate/.
 * No dependencies. The build writes LANGUAGES from mkdocs.yml. */
(() => {
  "use strict";
  if (window.WalletGuideEmbed) {
    window.WalletGuideEmbed.scan(); // loaded again (a page change): mount what is new
    return;
  }
  const SOURCE = "wallet-guide";
  const VERSION = 1;
  const THEMES = ["light", "dark"];
  const LANGUAGES = {"zh": {"root": "", "name": "Wallet guide"}, "en": {"root": "en/", "name": "Wallet guide"}};
  const script = document.currentScript;
  const defaultSite = new URL("../../", script ? script.src : location.href).href;
  const defaultLang = Object.keys(LANGUAGES).find((code) => LANGUAGES[code].root === "");

  function checkTheme(theme) {
    if (!THEMES.includes(theme)) throw new Error(`WalletGuideEmbed: theme must be "light" or "dark", not ${JSON.stringify(theme)}`);
    return theme;
  }

  function mount(element, options = {}) {
    const lang = options.lang || defaultLang;
    if (!(lang in LANGUAGES)) throw new Error(`WalletGuideEmbed: lang must be one of ${Object.keys(LANGUAGES).join(", ")}`);
    const url = new URL(LANGUAGES[lang].root + String(options.page || "/").replace(/^\/+/, ""),
                        new URL(options.siteUrl || defaultSite, location.href));
    url.searchParams.set("embed", "1");
    if (options.theme) url.searchParams.set("theme", checkTheme(options.theme));
    if (options.section) url.searchParams.set("section", options.section);
    url.searchParams.set("parent", location.origin);
    if (options.hash) url.hash = options.hash;
    const siteOrigin = url.origin;

    const box = document.createElement("div");
    box.style.position = "relative"; // holds the marker that scrolls a section into view
    const frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = options.title || LANGUAGES[lang].name;
    frame.loading = "lazy";
    frame.style.cssText = `display:block;width:100%;border:0;height:${Number(options.height) || 300}px`;
    box.appendChild(frame);
    element.replaceChildren(box);
    element.setAttribute("data-wallet-guide-mounted", "");

    const callbacks = {
      ready: options.onReady, resize: options.onResize, navigation: options.onNavigation,
      feedback: options.onFeedback, summary: options.onSummary, // the reader's answers, their summary
    };
    let theme = null; // set with setTheme(): sent again if the frame loads a new document
    let navigations = 0;

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
      if (!data || data.source !== SOURCE || data.version !== VERSION || !(data.type in callbacks)) return;
      if (data.type === "resize" && Number.isFinite(data.height) && data.height >= 0) {
        frame.style.height = `${Math.ceil(data.height)}px`;
      }
      if ((data.type === "ready" || data.type === "navigation") && typeof data.title === "string" && data.title) {
        frame.title = data.title;
      }
      if (data.type === "ready" && theme) send({ type: "set-theme", theme });
      if (data.type === "navigation" && options.scroll !== false) {
        // Our frame has no scroll bar: bring a #section, or a new page's top, into view.
        if (Number.isFinite(data.top)) reveal(data.top, "start");
        else if (navigations > 0) reveal(0, "nearest");
        navigations += 1;
      }
      if (typeof callbacks[data.type] === "function") callbacks[data.type](data);
      element.dispatchEvent(new CustomEvent(`wallet-guide:${data.type}`, { detail: data }));
    }
    window.addEventListener("message", onMessage);

    return {
      element,
      frame,
      setTheme(value) {
        theme = checkTheme(value);
        send({ type: "set-theme", theme });
      },
      destroy() {
        window.removeEventListener("message", onMessage);
        box.remove();
        element.removeAttribute("data-wallet-guide-mounted");
      },
    };
  }

  function scan() {
    for (const element of document.querySelectorAll("[data-wallet-guide-page]:not([data-wallet-guide-mounted])")) {
      const data = element.dataset;
      try {
        element.walletGuideEmbed = mount(element, {
          page: data.walletGuidePage, lang: data.walletGuideLang, section: data.walletGuideSection,
          hash: data.walletGuideHash, theme: data.walletGuideTheme, title: data.walletGuideTitle,
        });
      } catch (error) {
        console.error(error);
      }
    }
  }

  window.WalletGuideEmbed = { version: VERSION, mount, scan };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
