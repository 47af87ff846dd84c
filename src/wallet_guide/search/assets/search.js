/* Site search: a dialog over this language's index (see README, "Search").
 * Results are sections, best first, each linking to its heading's #id. */
(() => {
  "use strict";
  const root = document.querySelector(".wg-search");
  if (!root) return;
  const dialog = root.querySelector("dialog");
  const input = root.querySelector(".wg-search__input");
  const status = root.querySelector(".wg-search__status");
  const list = root.querySelector(".wg-search__results");
  // The header survives instant navigation: resolve addresses once, against the first page.
  const indexUrl = new URL(root.dataset.wgSearchIndex, location.href);
  const siteRoot = new URL("../../", indexUrl);
  const MAX_RESULTS = 10;
  const EXCERPT_CHARS = document.documentElement.lang.startsWith("zh") ? 70 : 160;

  /* ---- Terms: mirrors src/wallet_guide/search/tokenize.py (tests compare the two) ---- */
  const CJK_SPLIT = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)/;
  const CJK_RUN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
  const LATIN_WORD = /[a-z0-9]+(?:['’][a-z]+)?/g;

  function stem(word) {
    word = word.replace(/['’]s$/, "");
    if (word.endsWith("ies") && word.length > 4) word = word.slice(0, -3) + "y";
    else if (word.endsWith("sses")) word = word.slice(0, -2);
    else if (word.endsWith("s") && !/(ss|us|is)$/.test(word) && word.length > 3) word = word.slice(0, -1);
    if (word.endsWith("ing") && word.length > 5) word = word.slice(0, -3);
    else if (word.endsWith("ed") && word.length > 4) word = word.slice(0, -2);
    if (word.endsWith("e") && word.length > 3) word = word.slice(0, -1);
    return word;
  }

  function terms(text, stopWords) {
    const out = [];
    for (const part of text.toLowerCase().split(CJK_SPLIT)) {
      if (!part) continue;
      if (CJK_RUN.test(part)) {
        const chars = [...part];
        if (chars.length === 1) out.push(part);
        for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
      } else {
        for (const word of part.match(LATIN_WORD) || []) {
          if (!stopWords.has(word) && !stopWords.has(stem(word))) out.push(stem(word));
        }
      }
    }
    return out;
  }

  function fnv1a(term) {
    let h = 0x811c9dc5;
    for (const ch of term) {
      h ^= ch.codePointAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }

  /* ---- Index: the manifest, then only the shards and chunks a query needs ---- */
  const cache = new Map();
  function fetchJson(name, build) {
    if (!cache.has(name)) {
      const url = new URL(name, indexUrl);
      if (build) url.searchParams.set("v", build);
      cache.set(name, fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
        return r.json();
      }));
    }
    return cache.get(name);
  }
  let manifest = null;
  const loadManifest = () => (manifest ??= fetchJson("manifest.json").then((m) => ({
    ...m, stopWords: new Set(m.stopWords),
  })));

  async function rankSections(query) {
    const m = await loadManifest();
    const wanted = [...new Set(terms(query, m.stopWords))];
    if (!wanted.length) return [];
    const shards = await Promise.all(
      wanted.map((t) => fetchJson(`terms-${fnv1a(t) % m.termShards}.json`, m.build))
    );
    const scores = new Map();
    const matched = new Map();
    wanted.forEach((term, i) => {
      for (const [section, impact] of shards[i][term] || []) {
        scores.set(section, (scores.get(section) || 0) + impact);
        matched.set(section, (matched.get(section) || new Set()).add(term));
      }
    });
    // Sections that hold more of the query's words come first (Lucene's "coordination").
    const ranked = [...scores]
      .map(([section, score]) => [section, score * matched.get(section).size / wanted.length])
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_RESULTS);
    return Promise.all(ranked.map(async ([section, score]) => {
      const chunk = await fetchJson(`sections-${Math.floor(section / m.sectionsPerChunk)}.json`, m.build);
      const [url, title, page, text] = chunk[section % m.sectionsPerChunk];
      return { url: new URL(url, siteRoot).href, title, page, text, score, terms: [...matched.get(section)] };
    }));
  }

  /* ---- Rendering: text nodes only; <mark> around the words that matched ---- */
  function highlighted(text, matchedTerms) {
    const lower = text.toLowerCase();
    const covered = new Uint8Array(text.length);
    for (const term of matchedTerms) {
      for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
        covered.fill(1, at, at + term.length);
      }
    }
    const first = covered.indexOf(1);
    const start = Math.max(0, (first === -1 ? 0 : first) - Math.floor(EXCERPT_CHARS / 4));
    const end = Math.min(text.length, start + EXCERPT_CHARS);
    const out = document.createElement("span");
    out.className = "wg-search__excerpt";
    if (start > 0) out.append("…");
    let run = start;
    for (let i = start; i <= end; i++) {
      if (i === end || covered[i] !== covered[run]) {
        const piece = text.slice(run, i);
        if (covered[run]) {
          const mark = document.createElement("mark");
          mark.textContent = piece;
          out.append(mark);
        } else {
          out.append(piece);
        }
        run = i;
      }
    }
    if (end < text.length) out.append("…");
    return out;
  }

  function message(count) {
    if (count === 0) return status.dataset.wgMsgNone;
    if (count === 1) return status.dataset.wgMsgOne;
    return status.dataset.wgMsgOther.replace("#", String(count));
  }

  function render(results) {
    list.replaceChildren(...results.map((r) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.className = "wg-search__result";
      link.href = r.url;
      const title = document.createElement("span");
      title.className = "wg-search__title";
      title.textContent = r.title;
      const page = document.createElement("span");
      page.className = "wg-search__page";
      page.textContent = r.page;
      link.append(title, page, highlighted(r.text || r.title, r.terms));
      item.append(link);
      return item;
    }));
    status.textContent = message(results.length);
  }

  let latest = 0;
  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    try {
      const results = await rankSections(query);
      if (ticket === latest) render(results);
    } catch (error) {
      if (ticket === latest) status.textContent = status.dataset.wgMsgError;
      console.warn("search:", error);
    }
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    loadManifest().catch(() => {});
  }

  root.querySelector(".wg-search__open").addEventListener("click", open);
  // An input method sends its composition as input events; search when it commits.
  input.addEventListener("input", (ev) => { if (!ev.isComposing) run(); });
  input.addEventListener("compositionend", run);
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const first = list.querySelector("a");
      if (first) { ev.preventDefault(); first.click(); }
    }
  });
  list.addEventListener("click", (ev) => { if (ev.target.closest("a")) dialog.close(); });
  dialog.addEventListener("click", (ev) => { if (ev.target === dialog) dialog.close(); });
  document.addEventListener("keydown", (ev) => {
    const target = ev.target;
    const typing = target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!dialog.open && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey &&
        (ev.key === "/" || ev.key === "s")) {
      ev.preventDefault();
      open();
    }
  });
  // The same ranking the box uses, for scripts/compare_search.py and the tokenizer parity test.
  window.wgSearch = { rankSections, terms: (text) => loadManifest().then((m) => terms(text, m.stopWords)) };
})();
