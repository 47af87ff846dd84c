/* The causes checklist (fragments/checklist.html): ticked boxes show their fixes, in order.
 * Ticks live in the address (?tick=a,b: shareable, Back/Forward) and in localStorage; the
 * address wins. In a portal's frame (?embed=1) one device serves many customers: the checklist
 * starts from the address alone and keeps ticks in the frame's memory for its summary only,
 * unless the portal asks to remember them (?remember=1). Also «solved?» on /solutions/ and the summary for support (README, "Causes
 * checklist"): events on document (wallet-guide:feedback, :summary) that embed-page.js forwards
 * to a portal; nothing else leaves the browser unless the site set a feedback endpoint. */
(() => {
  "use strict";
  const KEY = "wallet-guide.checklist";
  const TRIED_KEY = "wallet-guide.tried"; // the fixes the reader answered «not solved» for
  const PARAM = "tick";
  const UNSURE = "unsure"; // "not sure / none of these": the guided flow's questions
  const CHARGED = "charged"; // "charged, but it says failed": the guide's own advice first
  const ASK = "ask"; // the guided flow's answers so far, in the address (?ask=a,b)
  // From the address, not from embed-head.js's mark: that script is async and may come later.
  const params = () => new URLSearchParams(location.search);
  const embedded = () => params().get("embed") === "1";
  const remembers = () => !embedded() || params().get("remember") === "1";
  // A portal's frame without ?remember=1 serves one customer after another on one device: its
  // ticks and answers live in this document's memory, which dies with the frame. sessionStorage
  // outlived the portal's destroy() and reload and reached the next customer's summary.
  const frameMemory = (() => {
    const items = new Map();
    return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => items.set(key, value) };
  })();
  const tickStore = () => (remembers() ? localStorage : frameMemory);
  // A new entry of the reader's history for each change, but never in a portal's frame: the
  // frame's history is the portal's too, whose Back must leave the portal's page, not replay ours.
  const remember = (href) =>
    embedded() ? history.replaceState(history.state, "", href) : history.pushState(history.state, "", href);
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
  const triedStore = tickStore; // the same rule: in a portal's frame, this frame's memory
  const loadTried = () => load(TRIED_KEY, triedStore());
  const saveTried = (ids) => save(ids, TRIED_KEY, triedStore());

  // After the load event, when embed-page.js listens.
  function emit(type, detail) {
    const send = () => document.dispatchEvent(new CustomEvent(`wallet-guide:${type}`, { detail }));
    if (document.readyState === "complete") send();
    else window.addEventListener("load", send, { once: true });
  }

  // The address with these ticks and answers (other parameters and the #hash kept); commas
  // stay readable.
  function address(ids, answers = []) {
    const url = new URL(location.href);
    if (ids.length) url.searchParams.set(PARAM, ids.join(","));
    else url.searchParams.delete(PARAM);
    if (answers.length && ids.includes(UNSURE)) url.searchParams.set(ASK, answers.join(","));
    else url.searchParams.delete(ASK);
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
    const result = part("result");
    const support = part("support");
    // The end of every path: after the guided flow's fix, its own words; a deployment's channels.
    const guideSupport = root.querySelector(".wg-guide__support");
    const channels = root.querySelectorAll(".wg-channels"); // in the check, after the fixes
    // The check "was the money taken?" (the guide's own advice), before any fix that spends
    // money again; the step it leads to when the money was taken.
    const check = part("check");
    const before = check ? check.dataset.wgBefore.split(" ") : [];
    const contact = check ? check.dataset.wgContact : null;
    // The guided flow that "not sure" opens: one question at a time (data/checklist.yml).
    const guide = root.querySelector(".wg-guide");
    const flow = guide ? JSON.parse(guide.dataset.wgFlow) : null;
    const questions = guide ? [...guide.querySelectorAll("[data-wg-question]")] : [];
    const found = guide && guide.querySelector(".wg-guide__result");
    const controls = root.querySelector(".wg-guide__controls");
    let answers = []; // the answers given, as in the address
    let state = null; // where the answers lead: { kept, at (a question), end (a target) }

    // The answers that make a path from the first question, and where it stands.
    function walk(given) {
      const kept = [];
      let at = flow.first;
      let end = null;
      for (const answer of given) {
        if (end || flow.of[answer] !== at) break;
        kept.push(answer);
        const to = flow.to[answer];
        if (Object.values(flow.of).includes(to)) at = to;
        else end = to;
      }
      return { kept, at: end ? null : at, end };
    }

    function render(ids, announce, given = answers) {
      const unsure = ids.includes(UNSURE);
      const charged = ids.includes(CHARGED);
      state = unsure && flow ? walk(given) : null;
      answers = state ? state.kept : [];
      for (const box of boxes) {
        box.checked = ids.includes(box.value);
        box.closest(".wg-checklist__item").classList.toggle("wg-checklist__item--ticked", box.checked);
      }
      const fixes = [...root.querySelectorAll(".wg-checklist__fix")];
      for (const fix of fixes) {
        const id = fix.dataset.wgId;
        fix.hidden = state
          ? state.end !== id && !(state.end === CHARGED && id === contact)
          : !unsure && !ids.includes(id) && !(charged && id === contact);
      }
      const shown = fixes.filter((fix) => !fix.hidden).map((fix) => fix.dataset.wgId);
      if (check) {
        check.hidden = state ? state.end !== CHARGED : !charged && !shown.some((id) => before.includes(id));
      }
      if (guide) {
        guide.hidden = !state;
        for (const question of questions) question.hidden = !state || state.at !== question.dataset.wgQuestion;
        found.hidden = !state || !state.end;
        controls.hidden = !state || state.kept.length === 0;
      }
      title.hidden = Boolean(state);
      support.hidden = Boolean(state);
      if (guideSupport) guideSupport.hidden = !state || !state.end;
      // On the charged path, the check holds them: if the money was taken, that is the way out.
      const inCheck = state ? state.end === CHARGED : charged;
      for (const block of channels) {
        block.hidden = block.parentElement === check ? !inCheck : inCheck || Boolean(state && !state.end);
      }
      const none = ids.length === 0;
      root.classList.toggle("wg-checklist--ticked", !none); // checklist.css shows what follows
      show.textContent = state && !state.end
        ? root.dataset.wgShowQuestions
        : show.dataset.wgLabel.replace("{count}", shown.length);
      if (announce) {
        status.textContent = none
          ? root.dataset.wgStatusNone
          : unsure
            ? root.dataset.wgStatusGuide || root.dataset.wgStatusUnsure
            : root.dataset.wgStatusSome.replace("{count}", ids.length);
      }
    }

    // Where the reader's eyes (and a screen reader) go in the result: the question asked, the
    // fix the answers found, or the list of fixes.
    function heading() {
      if (!state) return title;
      if (state.end) return found;
      return questions.find((q) => q.dataset.wgQuestion === state.at).querySelector(".wg-guide__ask");
    }

    function answer(given) {
      const ids = boxes.filter((box) => box.checked).map((box) => box.value);
      render(ids, false, given);
      remember(address(ids, answers));
      heading().focus({ preventScroll: true });
      if (heading().getBoundingClientRect().top < 0) result.scrollIntoView({ block: "start" });
    }
    if (guide) {
      guide.addEventListener("click", (ev) => {
        const button = ev.target instanceof Element && ev.target.closest("[data-wg-answer]");
        if (!button) return;
        const said = flow.taken && flow.taken[button.dataset.wgAnswer];
        // What the reader said about the money goes into the summary, unless they set it there.
        if (said && !loadDetails().takenBySummary) saveDetails({ ...loadDetails(), taken: said });
        answer([...answers, button.dataset.wgAnswer]);
      });
      root.querySelector(".wg-guide__back").addEventListener("click", () => answer(answers.slice(0, -1)));
      root.querySelector(".wg-guide__restart").addEventListener("click", () => answer([]));
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
      render(ids, true, changed && changed.value === UNSURE ? [] : answers);
      remember(address(ids, answers));
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
      result.scrollIntoView({ block: "start", behavior: "smooth" });
      heading().focus({ preventScroll: true });
    });

    const asked = params().get(PARAM);
    const fromAddress = valid((asked || "").split(","));
    const ids = fromAddress.length ? fromAddress : valid(remembers() ? load(KEY, tickStore()) : []);
    if (fromAddress.length) save(ids, KEY, tickStore());
    // A tile of the home page links to its fix (#wg-fix-…) or to the result: the result comes
    // first, in view, and a screen reader hears where it landed.
    const target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const landing = Boolean(target && result.contains(target) && ids.length);
    render(ids, landing, (params().get(ASK) || "").split(",").filter(Boolean));
    if (address(ids, answers) !== location.href) history.replaceState(history.state, "", address(ids, answers));
    if (landing) {
      root.classList.add("wg-checklist--result-first");
      const land = () => {
        result.scrollIntoView({ block: "start" });
        heading().focus({ preventScroll: true });
      };
      land();
      setTimeout(land); // after instant navigation has scrolled to the #hash itself
      // The browser's own scroll to the #hash, when the page finishes parsing, gives the focus
      // to the page (the target is not focusable): on a slow phone that comes after the line
      // above. Land again once loaded, unless the reader has put the focus somewhere already.
      if (document.readyState !== "complete") {
        window.addEventListener("load", () => setTimeout(() => {
          if (!document.activeElement || document.activeElement === document.body) land();
        }), { once: true });
      }
    }
    live = {
      root,
      path: location.pathname,
      apply(next, given) {
        save(valid(next), KEY, tickStore());
        render(valid(next), true, given);
      },
    };
  }

  // Back/Forward between two states of this page's checklist: the address says what is ticked
  // and what the guided flow was answered.
  window.addEventListener("popstate", () => {
    if (!live || !live.root.isConnected || live.path !== location.pathname) return;
    live.apply((params().get(PARAM) || "").split(","), (params().get(ASK) || "").split(",").filter(Boolean));
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

  // What the reader adds for the agent (amount, merchant, when, money taken): on this device
  // only; in a portal's frame (an agent's device, perhaps) for this page's life only.
  const DETAILS_KEY = "wallet-guide.details";
  let detailsInMemory = {};
  const loadDetails = () => {
    if (embedded()) return detailsInMemory;
    try {
      const details = JSON.parse(localStorage.getItem(DETAILS_KEY));
      return details && typeof details === "object" ? details : {};
    } catch {
      return {};
    }
  };
  const saveDetails = (details) => {
    if (embedded()) detailsInMemory = details;
    else save(details, DETAILS_KEY);
  };

  function summaryOf(data, now) {
    const labels = data.labels;
    const ticks = load(KEY, tickStore()).filter(
      (id) => id === data.unsure || id === data.charged.id || data.causes.includes(id));
    const tried = data.causes.filter((id) => loadTried().includes(id)); // in the order of the steps
    const noticed = ticks.map((id) =>
      id === data.unsure ? labels.unsure
        : id === data.charged.id ? data.charged.tile : data.symptoms[data.causes.indexOf(id)]);
    const details = loadDetails();
    const given = ["amount", "merchant", "when"]
      .filter((field) => labels[field] && typeof details[field] === "string" && details[field].trim())
      .map((field) => after(labels[field], details[field].trim()));
    if (labels.taken && ["yes", "no", "unknown"].includes(details.taken)) {
      given.push(after(labels.taken, labels[`taken_${details.taken}`]));
    }
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
      ...given,
      ...list(labels.ticked, noticed),
      ...list(labels.tried, fixes),
      labels.language,
      after(labels.time, `${time} (${zone})`),
    ].join("\n");
    return { text, ticks, tried, details: { ...details }, lang: data.lang, time: now.toISOString() };
  }

  // An e-mail channel of the deployment (data/support-channels.yml) starts with the summary.
  function mailWith(data, summary) {
    for (const link of document.querySelectorAll("[data-wg-mailto]")) {
      const body = encodeURIComponent(summary.text.replace(/\n/g, "\r\n"));
      link.href = `${link.dataset.wgMailto}?subject=${encodeURIComponent(data.labels.subject)}&body=${body}`;
    }
  }

  function mountSummary(section) {
    if (section.dataset.wgMounted) return;
    section.dataset.wgMounted = "true";
    // The support page's summary, or the channels' actions at the end of a path (no text shown).
    const data = JSON.parse(section.dataset.wgSummary);
    const text = section.querySelector(".wg-summary__text");
    const status = section.querySelector(".wg-summary__status");
    const share = section.querySelector(".wg-summary__share");
    let summary;
    const update = () => {
      summary = summaryOf(data, new Date());
      if (text) text.textContent = summary.text;
      mailWith(data, summary);
    };
    update();
    // An e-mail carries the summary as it is when the reader opens it (the ticks may have changed).
    section.addEventListener("click", (ev) => ev.target.closest("[data-wg-mailto]") && update(), true);

    const details = section.querySelector(".wg-summary__details");
    if (details) {
      const stored = loadDetails();
      for (const input of details.querySelectorAll("input")) {
        if (input.type === "radio") input.checked = stored.taken === input.value;
        else input.value = typeof stored[input.name] === "string" ? stored[input.name] : "";
      }
      details.addEventListener("input", (ev) => {
        const input = ev.target;
        const own = input.name === "taken" ? { takenBySummary: true } : {};
        saveDetails({ ...loadDetails(), [input.name]: input.value, ...own });
        update();
      });
    }

    section.querySelector(".wg-summary__copy").addEventListener("click", async () => {
      update();
      try {
        await navigator.clipboard.writeText(summary.text);
      } catch { // no clipboard access: select it (where no text is shown, in the status)
        const shown = text || status;
        shown.textContent = summary.text;
        getSelection().selectAllChildren(shown);
        document.execCommand("copy");
      }
      status.textContent = data.labels.copied;
    });
    if (!text) return;
    // In a portal's frame: the summary goes to the portal when the reader says so, never before.
    if (embedded()) {
      const send = section.querySelector(".wg-summary__send");
      section.querySelector(".wg-summary__hint").textContent = data.labels.hint_embed;
      send.hidden = false;
      send.addEventListener("click", () => {
        update();
        status.textContent = data.labels.sent;
        emit("summary", summary);
      });
    }
    if (navigator.share) {
      share.hidden = false;
      share.addEventListener("click", () => {
        update();
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
