/* The causes checklist (fragments/checklist.html): ticked boxes show their fixes, in order.
 * Ticks live in the address (?tick=a,b: shareable, Back/Forward) and in localStorage; the
 * address wins. In a portal's frame (?embed=1) one device serves many customers: the checklist
 * starts from the address alone and keeps ticks for this session's summary only, unless the
 * portal asks to remember them (?remember=1). Also «solved?» on /solutions/ and the summary for support (README, "Causes
 * checklist"): events on document (wallet-guide:feedback, :summary) that embed-page.js forwards
 * to a portal; nothing else leaves the browser unless the site set a feedback endpoint. */
(() => {
  "use strict";
  const KEY = "wallet-guide.checklist";
  const TRIED_KEY = "wallet-guide.tried"; // the fixes the reader answered «not solved» for
  const PARAM = "tick";
  const UNSURE = "unsure"; // "not sure / none of these": every fix, in order
  // From the address, not from embed-head.js's mark: that script is async and may come later.
  const params = () => new URLSearchParams(location.search);
  const embedded = () => params().get("embed") === "1";
  const remembers = () => !embedded() || params().get("remember") === "1";
  const tickStore = () => (remembers() ? localStorage : sessionStorage);
  let live = null; // the checklist of the current page: { root, path, apply(ids) }

  const load = (key = KEY, store = localStorage) => {
    try {
      const ids = JSON.parse(store.getItem(key));
      return Array.isArray(ids) ? ids : [];
    } catch {
      return [];
    }
  };
  const save = (ids, key = KEY, store = localStorage) => {
    try {
      store.setItem(key, JSON.stringify(ids));
    } catch { /* private mode: the address still holds the ticks */ }
  };
  // In a portal's frame, for the session only (the device may be an agent's).
  const triedStore = () => (embedded() ? sessionStorage : localStorage);
  const loadTried = () => load(TRIED_KEY, triedStore());
  const saveTried = (ids) => save(ids, TRIED_KEY, triedStore());

  // After the load event, when embed-page.js listens.
  function emit(type, detail) {
    const send = () => document.dispatchEvent(new CustomEvent(`wallet-guide:${type}`, { detail }));
    if (document.readyState === "complete") send();
    else window.addEventListener("load", send, { once: true });
  }

  // The address with these ticks (other parameters and the #hash kept); commas stay readable.
  function address(ids) {
    const url = new URL(location.href);
    if (ids.length) url.searchParams.set(PARAM, ids.join(","));
    else url.searchParams.delete(PARAM);
    url.search = url.searchParams.toString().replace(/%2C/gi, ",");
    return url.href;
  }

  function mount(root) {
    if (root.dataset.wgMounted) return;
    root.dataset.wgMounted = "true";
    const boxes = [...root.querySelectorAll(".wg-checklist__box")];
    const known = boxes.map((box) => box.value);
    // Known ids, in the order to try the fixes; "not sure" only alone.
    const valid = (ids) => {
      const kept = known.filter((id) => ids.includes(id));
      return kept.length > 1 ? kept.filter((id) => id !== UNSURE) : kept;
    };
    const part = (name) => root.querySelector(`.wg-checklist__${name}`);
    const status = part("status");
    const show = part("show");
    const title = part("title");

    function render(ids, announce) {
      const unsure = ids.includes(UNSURE);
      for (const box of boxes) {
        box.checked = ids.includes(box.value);
        box.closest(".wg-checklist__item").classList.toggle("wg-checklist__item--ticked", box.checked);
      }
      const fixes = [...root.querySelectorAll(".wg-checklist__fix")];
      for (const fix of fixes) fix.hidden = !unsure && !ids.includes(fix.dataset.wgId);
      const count = fixes.filter((fix) => !fix.hidden).length;
      const none = ids.length === 0;
      root.classList.toggle("wg-checklist--ticked", !none); // checklist.css shows what follows
      show.textContent = show.dataset.wgLabel.replace("{count}", count);
      if (announce) {
        status.textContent = none
          ? root.dataset.wgStatusNone
          : unsure ? root.dataset.wgStatusUnsure : root.dataset.wgStatusSome.replace("{count}", ids.length);
      }
    }

    function commit(changed) {
      // "Not sure" and the symptoms exclude each other: the last one ticked wins.
      if (changed && changed.checked) {
        for (const box of boxes) {
          if ((changed.value === UNSURE) !== (box.value === UNSURE)) box.checked = false;
        }
      }
      const ids = boxes.filter((box) => box.checked).map((box) => box.value);
      save(ids, KEY, tickStore());
      history.pushState(history.state, "", address(ids));
      render(ids, true);
    }

    root.addEventListener("change", (ev) => commit(ev.target));
    // The bar (sticky at the screen's bottom) may appear over the item after the one just
    // ticked: bring that item above it, so the list does not seem to end there.
    root.addEventListener("change", (ev) => {
      const next = ev.target.checked && ev.target.closest(".wg-checklist__item")?.nextElementSibling;
      const bar = part("bar");
      if (!next || !bar) return;
      const hidden = next.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
      if (hidden > 0) window.scrollBy({ top: hidden });
    });
    part("reset").addEventListener("click", () => {
      for (const box of boxes) box.checked = false;
      commit(null);
      boxes[0].focus(); // the button has just disappeared with the bar
    });
    // The bar (sticky at the screen's bottom) brings the fixes in.
    show.addEventListener("click", () => {
      part("result").scrollIntoView({ block: "start", behavior: "smooth" });
      title.focus({ preventScroll: true });
    });

    const asked = new URL(location.href).searchParams.get(PARAM);
    const fromAddress = valid((asked || "").split(","));
    const ids = fromAddress.length ? fromAddress : valid(remembers() ? load(KEY, tickStore()) : []);
    if (fromAddress.length) save(ids, KEY, tickStore());
    render(ids, false);
    if (address(ids) !== location.href) history.replaceState(history.state, "", address(ids));
    live = {
      root,
      path: location.pathname,
      apply(next) {
        save(valid(next), KEY, tickStore());
        render(valid(next), true);
      },
    };
  }

  // Back/Forward between two states of this page's checklist: the address says what is ticked.
  window.addEventListener("popstate", () => {
    if (!live || !live.root.isConnected || live.path !== location.pathname) return;
    live.apply((new URL(location.href).searchParams.get(PARAM) || "").split(","));
  });

  /* ---- «Solved?» at the end of each step of the solutions page ---- */
  let toSummary = false; // the last «not solved» was followed
  function mountSolved(box) {
    if (box.dataset.wgMounted) return;
    box.dataset.wgMounted = "true";
    const step = box.dataset.wgSolved;
    const yes = box.querySelector(".wg-solved__yes");
    const thanks = box.querySelector(".wg-solved__thanks");
    function answer(solved) {
      // The site's language code (zh-tw, as the embed protocol speaks), not <html lang>'s tag.
      const detail = { step, solved, lang: box.dataset.wgLang };
      emit("feedback", detail);
      const endpoint = box.dataset.wgEndpoint;
      if (endpoint && navigator.sendBeacon) {
        navigator.sendBeacon(endpoint, JSON.stringify({ ...detail, page: location.pathname }));
      }
    }
    yes.addEventListener("click", () => {
      yes.setAttribute("aria-pressed", "true");
      thanks.textContent = thanks.dataset.wgThanks;
      saveTried(loadTried().filter((id) => id !== step));
      answer(true);
    });
    box.querySelector(".wg-solved__no").addEventListener("click", (ev) => {
      const tried = loadTried().filter((id) => id !== step);
      saveTried([...tried, step]);
      answer(false);
      // Next step: view and focus moved here (instant navigation would reload and blur the
      // page); our other listeners capture, so the click stops here.
      const next = new URL(ev.currentTarget.href);
      const target = next.hash && next.pathname === location.pathname && document.getElementById(next.hash.slice(1));
      toSummary = !target;
      if (target) {
        ev.preventDefault();
        ev.stopPropagation();
        history.pushState(history.state, "", next.href);
        target.setAttribute("tabindex", "-1");
        // Just under the fixed header, where anchor tracking counts it.
        const header = document.querySelector(".md-header");
        scrollTo(0, target.getBoundingClientRect().top + scrollY - (header ? header.offsetHeight : 0));
        target.focus({ preventScroll: true });
      }
    });
  }

  /* ---- The summary for customer support: the reader's own state, in their language ---- */
  // A space after a Latin label only ("标签：值", "Label: value").
  const after = (label, value) => (/[\x21-\x7e]$/.test(label) ? `${label} ${value}` : label + value);

  function summaryOf(data, now) {
    const labels = data.labels;
    const ticks = load(KEY, tickStore()).filter((id) => id === data.unsure || data.causes.includes(id));
    const tried = data.causes.filter((id) => loadTried().includes(id)); // in the order of the steps
    const noticed = ticks.map((id) =>
      id === data.unsure ? labels.unsure : data.symptoms[data.causes.indexOf(id)]);
    const fixes = data.causes
      .map((id, index) => (tried.includes(id) ? `${index + 1}. ${data.fixes[index]}` : null))
      .filter(Boolean);
    const list = (label, items) =>
      items.length ? [label, ...items.map((item) => `- ${item}`)] : [after(label, labels.nothing)];
    const offset = -now.getTimezoneOffset();
    const zone = `UTC${offset < 0 ? "-" : "+"}${Math.floor(Math.abs(offset) / 60)}` +
      (offset % 60 ? `:${String(Math.abs(offset) % 60).padStart(2, "0")}` : "");
    const time = new Intl.DateTimeFormat(data.lang, { dateStyle: "long", timeStyle: "short" }).format(now);
    const text = [
      labels.subject,
      ...list(labels.ticked, noticed),
      ...list(labels.tried, fixes),
      labels.language,
      after(labels.time, `${time} (${zone})`),
    ].join("\n");
    return { text, ticks, tried, lang: data.lang, time: now.toISOString() };
  }

  function mountSummary(section) {
    if (section.dataset.wgMounted) return;
    section.dataset.wgMounted = "true";
    const data = JSON.parse(section.dataset.wgSummary);
    const text = section.querySelector(".wg-summary__text");
    const status = section.querySelector(".wg-summary__status");
    const share = section.querySelector(".wg-summary__share");
    let summary = summaryOf(data, new Date());
    text.textContent = summary.text;
    emit("summary", summary);

    section.querySelector(".wg-summary__copy").addEventListener("click", async () => {
      summary = summaryOf(data, new Date());
      text.textContent = summary.text;
      try {
        await navigator.clipboard.writeText(summary.text);
      } catch { // no clipboard access: select it
        getSelection().selectAllChildren(text);
        document.execCommand("copy");
      }
      status.textContent = data.labels.copied;
      emit("summary", summary);
    });
    if (navigator.share) {
      share.hidden = false;
      share.addEventListener("click", () => {
        summary = summaryOf(data, new Date());
        text.textContent = summary.text;
        navigator.share({ title: data.labels.subject, text: summary.text }).catch(() => {});
      });
    }
    // Sent here by the last «not solved» (focus once instant navigation has settled).
    if (toSummary || location.hash === `#${section.id}`) {
      toSummary = false;
      // Material's anchor tracking of the page left behind can still rewrite the new address's
      // hash (to that page's last section) while instant navigation swaps the page.
      const hash = `#${section.id}`;
      setTimeout(() => {
        if (location.hash !== hash) history.replaceState(history.state, "", hash);
        section.querySelector(".wg-summary__title").focus();
      });
    }
  }

  /* ---- A search button in the page (home, 404): opens the header's search ---- */
  document.addEventListener("click", (ev) => {
    const button = ev.target instanceof Element && ev.target.closest("[data-wg-open-search]");
    const open = button && document.querySelector(".wg-search__open");
    if (open) open.click();
  });

  const mountAll = () => {
    document.querySelectorAll(".wg-checklist").forEach(mount);
    document.querySelectorAll("[data-wg-solved]").forEach(mountSolved);
    document.querySelectorAll("[data-wg-summary]").forEach(mountSummary);
  };
  if (window.document$) window.document$.subscribe(mountAll);
  else mountAll();
})();
