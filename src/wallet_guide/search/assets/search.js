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
  const empty = root.querySelector(".wg-search__empty");
  // The header survives instant navigation: resolve addresses once, against the first page
  // (the settings block: the site's root from this page, the index folder from the root).
  const settings = JSON.parse(document.getElementById("wg-settings").textContent);
  const siteRoot = new URL(settings.root, location.href);
  const indexUrl = new URL(settings.search.index, siteRoot);
  // The other script's indexes (zh pages: en; en pages: zh), for a word this one lacks.
  const crossUrls = (settings.search.cross || []).map((folder) => new URL(folder, siteRoot));
  // The no-result links are relative to the first page: make them absolute while they are right
  // (the href property reads the address resolved against this page).
  for (const a of empty.querySelectorAll("a")) a.setAttribute("href", a.href);
  const MAX_RESULTS = 10;
  // A corrected (misspelt) word scores this much of an exact one: exact matches rank first.
  const CORRECTED_WEIGHT = 0.5;
  const MAX_CORRECTIONS = 3;
  // README, "Search": a word found in another language's index only; fillers beside content
  // words; an intro or background section below what it yields to; the weak tail's cut.
  const CROSS_WEIGHT = 0.5;
  const FILLER_WEIGHT = 0.2;
  const YIELD_SHARE = 0.9;
  const MIN_SHARE = 0.1;
  const off = new Set(window.wgSearchOff || []); // make search-eval: mechanisms turned off
  const EXCERPT_CHARS = document.documentElement.lang.startsWith("zh") ? 70 : 160;

  /* ---- Terms: mirrors src/wallet_guide/search/tokenize.py (tests compare the two) ---- */
  const CJK_SPLIT = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)/;
  const CJK_RUN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
  const LATIN_WORD = /[a-z0-9]+(?:['’][a-z]+)?/g;
  const LATIN_TERM = /^[a-z]{3,}$/;

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
  function fetchFrom(folder, name, build) {
    const url = new URL(name, folder);
    if (build) url.searchParams.set("v", build);
    if (!cache.has(url.href)) {
      const loading = fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
        return r.json();
      });
      // A file that failed (offline) is asked for again by the next query, not failed forever.
      loading.catch(() => cache.delete(url.href));
      cache.set(url.href, loading);
    }
    return cache.get(url.href);
  }
  const fetchJson = (name, build) => fetchFrom(indexUrl, name, build);
  const manifests = new Map();
  const manifestOf = (folder) => {
    if (!manifests.has(folder.href)) {
      manifests.set(folder.href, fetchFrom(folder, "manifest.json").then((m) => ({
        ...m, stopWords: new Set(m.stopWords), intros: new Set(m.intros), background: new Set(m.background),
      }), (error) => { manifests.delete(folder.href); throw error; }));
    }
    return manifests.get(folder.href);
  };
  const loadManifest = () => manifestOf(indexUrl);

  const postingsAt = (folder, m, term) =>
    fetchFrom(folder, `terms-${fnv1a(term) % m.termShards}.json`, m.build).then((shard) => shard[term] || []);
  const postings = (m, term) => postingsAt(indexUrl, m, term);

  /* ---- One normalisation (variants.py): Traditional characters to Simplified, then regional
   * words to the source's (网路 -> 网络), as the build folded the index ---- */
  let charTable = new Map(); // filled from traditional.json when a query or the results need it
  async function loadChars(m, text) {
    const needed = m.foldResults || [...text].some((ch) => m.traditional.includes(ch));
    if (!m.traditional || !needed || charTable.size) return;
    const pairs = await fetchJson("traditional.json", m.build);
    const table = new Map();
    for (let i = 0; i + 1 < pairs.length; i += 2) table.set(pairs[i], pairs[i + 1]);
    charTable = table;
  }
  const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const longestFirst = (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
  // Longest first, then in code-point order: the build's regular expression.
  const wordPattern = (m) => (m.wordPattern ??= Object.keys(m.words || {}).length
    ? new RegExp(Object.keys(m.words).sort(longestFirst)
      .map(escapeRe).join("|"), "g")
    : null);
  // The folded text, and for each of its characters the span of ``text`` it comes from.
  function fold(text, m) {
    let chars = "";
    for (let i = 0; i < text.length; i++) chars += charTable.get(text[i]) || text[i];
    const pattern = wordPattern(m);
    const from = [];
    const to = [];
    let out = "";
    let last = 0;
    const keep = (end) => {
      for (let i = last; i < end; i++) { from.push(i); to.push(i + 1); }
      out += chars.slice(last, end);
    };
    for (const match of pattern ? chars.matchAll(pattern) : []) {
      keep(match.index);
      const word = m.words[match[0]];
      for (let k = 0; k < word.length; k++) { from.push(match.index); to.push(match.index + match[0].length); }
      out += word;
      last = match.index + match[0].length;
    }
    keep(chars.length);
    return { text: out, from, to };
  }
  async function folded(query, m) {
    await loadChars(m, query);
    const text = fold(query, m).text;
    await loadColloquial(m, query + text);
    return foldEnglish(colloquial ? foldColloquial(text) : text, m);
  }

  /* ---- Readers' words (colloquial.py), fetched for a query holding a first character ---- */
  let colloquial = null;
  async function loadColloquial(m, text) {
    if (colloquial || off.has("colloquial") || !m.colloquial || ![...text].some((ch) => m.colloquial.includes(ch))) return;
    const table = await fetchJson("colloquial.json", m.build);
    const words = Object.keys(table.words).sort(longestFirst);
    colloquial = {
      words: table.words,
      pattern: words.length ? new RegExp(words.map(escapeRe).join("|"), "g") : null,
      fillers: [...table.fillers].sort((a, b) => b.length - a.length),
      particles: new Set(table.particles || ""),
    };
  }
  // out of date -> outdated, as the en index was folded
  const englishPattern = (m) => (m.englishPattern ??= Object.keys(m.english || {}).length
    ? new RegExp(`\\b(?:${Object.keys(m.english).sort(longestFirst).map(escapeRe).join("|")})\\b`, "gi")
    : null);
  const foldEnglish = (text, m) => off.has("colloquial") || !englishPattern(m) ? text
    : text.replace(englishPattern(m), (phrase) => m.english[phrase.toLowerCase()]);
  const foldColloquial = (text) =>
    colloquial.pattern ? text.replace(colloquial.pattern, (word) => colloquial.words[word]) : text;
  // [the query without its fillers (a space each: no pair across), the fillers]
  function withoutFillers(text, m) {
    const fillers = [];
    for (const filler of colloquial ? colloquial.fillers : []) {
      text = text.replaceAll(filler, () => { fillers.push(filler); return " "; });
    }
    const english = new Set(off.has("colloquial") ? [] : m.fillers || []);
    text = text.replace(LATIN_WORD, (word) => english.has(word.toLowerCase()) ? (fillers.push(word), " ") : word);
    return [text, fillers.join(" ")];
  }
  function describesFailure(text, m) {
    const lower = text.toLowerCase();
    const stems = new Set((lower.match(LATIN_WORD) || []).map(stem));
    return (m.failure || []).some((word) => CJK_RUN.test(word) ? lower.includes(word)
      : word.includes(" ") ? spaced(lower).includes(spaced(word)) : stems.has(stem(word)));
  }

  /* ---- Reader vocabulary at query time (vocabulary_at: query): add the article's words ---- */
  const spaced = (text) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
  async function expanded(query, m) {
    if (!m.vocabulary) return query;
    const vocabulary = await fetchJson("vocabulary.json", m.build);
    const text = spaced(query);
    const words = Object.entries(vocabulary)
      .filter(([alias]) => CJK_RUN.test(alias) ? text.includes(alias) : text.includes(spaced(alias)))
      .map(([, article]) => article);
    return [query, ...words].join(" ");
  }

  /* ---- Misspelt words: the index's words within 1 edit (2 from 8 letters), transpositions too ---- */
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = null;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        row.push(d);
        best = Math.min(best, d);
      }
      if (best > limit) return limit + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }
  async function corrections(term, m) {
    const limit = term.length >= 8 ? 2 : 1;
    const near = (await fetchJson("words.json", m.build))
      .map((word) => [word, editDistance(term, word, limit)])
      .filter(([, d]) => d <= limit)
      .sort((a, b) => a[1] - b[1]);
    return near.filter(([, d]) => d === near[0][1]).slice(0, MAX_CORRECTIONS).map(([word]) => word);
  }

  /* ---- A word of the other script, missing here: the other index's sections, by address ---- */
  const isChinese = (m) => m.lang === "zh" || m.lang.startsWith("zh-");
  async function crossPostings(term, m) {
    if (off.has("cross") || !crossUrls.length || CJK_RUN.test(term) === isChinese(m)) return [];
    const own = await fetchJson("keys.json", m.build).then((keys) => new Map(keys.map((k, i) => [k, i])));
    const found = await Promise.all(crossUrls.map(async (folder) => {
      const other = await manifestOf(folder);
      const plist = await postingsAt(folder, other, term);
      if (!plist.length) return [];
      const keys = await fetchFrom(folder, "keys.json", other.build);
      return plist.filter(([section]) => own.has(keys[section])).map(([section, impact]) => [own.get(keys[section]), impact]);
    }));
    return found.flat();
  }

  async function rankSections(query) {
    const m = await loadManifest();
    const text = await folded(query, m);
    const [content, fillers] = withoutFillers(text, m);
    const contentTerms = [...new Set(terms(await expanded(content, m), m.stopWords))];
    // A pair across a joining character (给客服: 给客) counts like a filler.
    const joins = (term) => colloquial !== null && term.length === 2 && [...term].some((ch) => colloquial.particles.has(ch));
    const solid = contentTerms.filter((t) => !joins(t)).length;
    const fillerTerms = [...new Set(terms(fillers, m.stopWords))].filter((t) => !contentTerms.includes(t));
    const wanted = [
      ...contentTerms.map((t) => [t, joins(t) && solid ? FILLER_WEIGHT : 1]),
      ...fillerTerms.map((t) => [t, contentTerms.length ? FILLER_WEIGHT : 1]),
    ];
    const results = [];
    results.total = 0;
    if (!wanted.length) return results;
    // Per query word: [index term, weight, postings]: the word, in the other index, or corrected.
    const found = await Promise.all(wanted.map(async ([term, weight]) => {
      const exact = await postings(m, term);
      if (exact.length) return [[term, weight, exact]];
      const cross = await crossPostings(term, m);
      if (cross.length) return [[term, weight * CROSS_WEIGHT, cross]];
      if (!LATIN_TERM.test(term) || term.length < 4) return [];
      const near = await corrections(term, m);
      return Promise.all(near.map(async (word) => [word, weight * CORRECTED_WEIGHT, await postings(m, word)]));
    }));
    // A word's share of the query: its weight times its idf (rare words count more).
    const ranking = !off.has("ranking");
    const idf = (count) => Math.log(1 + (m.sections - count + 0.5) / (count + 0.5));
    const share = found.map((matches, i) => wanted[i][1] *
      (ranking ? idf(Math.max(0, ...matches.map(([, , plist]) => plist.length))) : 1));
    const scores = new Map();
    const matched = new Map(); // section -> the share of the query words it holds
    const holds = new Map(); // section -> the content words it holds
    const marked = new Map(); // section -> the index terms to highlight
    found.forEach((matches, i) => {
      const words = new Map(); // section -> this word's share there
      for (const [term, weight, plist] of matches) {
        for (const [section, impact] of plist) {
          scores.set(section, (scores.get(section) || 0) + impact * weight);
          words.set(section, Math.max(words.get(section) || 0, share[i]));
          if (i < contentTerms.length || !contentTerms.length) marked.set(section, (marked.get(section) || new Set()).add(term));
        }
      }
      for (const [section, weight] of words) {
        matched.set(section, (matched.get(section) || 0) + weight);
        if (i < contentTerms.length) holds.set(section, (holds.get(section) || new Set()).add(i));
      }
    });
    // Sections that hold more of the query's words come first (Lucene's "coordination").
    const all = share.reduce((sum, value) => sum + value, 0);
    const score = new Map([...scores].map(([section, value]) => [section, value * matched.get(section) / all]));
    // A failure (not in the fillers: 会不会): background below the best cause or fix.
    const failure = ranking && describesFailure(content, m);
    let best = 0;
    for (const [section, value] of score) if (!m.background.has(section)) best = Math.max(best, value);
    for (const [section, value] of score) {
      if (failure && best && m.background.has(section)) score.set(section, Math.min(value, best * YIELD_SHARE));
    }
    // An intro below its page's sections holding a content word it lacks; above those that
    // do not, for a failure (payment keeps failing: the causes' intro).
    const more = (a, b) => [...(holds.get(a) || [])].some((word) => !(holds.get(b) || new Set()).has(word));
    for (const intro of ranking ? m.intros : []) {
      if (!score.has(intro)) continue;
      let specific = 0;
      let same = 0;
      for (let s = intro + 1; s < m.sections && !m.intros.has(s); s++) {
        if (more(s, intro)) specific = Math.max(specific, score.get(s) || 0);
        else same = Math.max(same, score.get(s) || 0);
      }
      if (specific) score.set(intro, Math.min(score.get(intro), specific * YIELD_SHARE));
      else if (same && failure) score.set(intro, Math.max(score.get(intro), same / YIELD_SHARE));
    }
    const ranked = [...score].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = ranked.filter(([, value]) => !ranking || value >= ranked[0][1] * MIN_SHARE);
    results.push(...await Promise.all(kept.slice(0, MAX_RESULTS).map(async ([section, value]) => {
      const chunk = await fetchJson(`sections-${Math.floor(section / m.sectionsPerChunk)}.json`, m.build);
      const [url, title, page, body] = chunk[section % m.sectionsPerChunk];
      return { url: new URL(url, siteRoot).href, title, page, text: body, score: value, terms: [...(marked.get(section) || [])], m };
    })));
    results.total = kept.length;
    return results;
  }

  /* ---- Rendering: text nodes only; <mark> around the words that matched ---- */
  function highlighted(text, matchedTerms, m) {
    const lower = text.toLowerCase();
    const covered = new Uint8Array(text.length);
    const latin = new Set();
    // The terms are folded (Simplified, the source's words): look for them in the text folded.
    const view = fold(lower, m);
    for (const term of matchedTerms) {
      if (!CJK_RUN.test(term)) { latin.add(term); continue; }
      for (let at = view.text.indexOf(term); at !== -1; at = view.text.indexOf(term, at + 1)) {
        covered.fill(1, view.from[at], view.to[at + term.length - 1]);
      }
    }
    // English: whole words whose stem matched (not "no" inside "not" or "another").
    for (const word of lower.matchAll(LATIN_WORD)) {
      if (latin.has(stem(word[0]))) covered.fill(1, word.index, word.index + word[0].length);
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

  function message(count, total) {
    if (total > count && status.dataset.wgMsgTop) {
      return status.dataset.wgMsgTop.replace("{top}", String(count)).replace("{total}", String(total));
    }
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
      link.append(title, page, highlighted(r.text || r.title, r.terms, r.m));
      item.append(link);
      return item;
    }));
    status.textContent = message(results.length, results.total ?? results.length);
    empty.hidden = results.length > 0;
    root.classList.remove("wg-search--unavailable");
  }

  // The index cannot load (offline before it was saved here): say so, with the way on (the
  // no-result links), and no results of an earlier query under that status.
  function unavailable() {
    list.replaceChildren();
    delete list.dataset.wgQuery;
    status.textContent = status.dataset.wgMsgError;
    empty.hidden = false;
    root.classList.add("wg-search--unavailable");
  }

  let latest = 0;
  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      empty.hidden = true;
      root.classList.remove("wg-search--unavailable");
      return;
    }
    try {
      const results = await rankSections(query);
      if (ticket === latest) {
        render(results);
        list.dataset.wgQuery = query; // which query the list answers (typing runs one per key)
      }
    } catch (error) {
      if (ticket === latest) unavailable();
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
  // Tapped and typed in before this script ran (the button opens the dialog itself: search.html).
  if (dialog.open && input.value.trim()) run();
  // An input method sends its composition as input events; search when it commits.
  input.addEventListener("input", (ev) => { if (!ev.isComposing) run(); });
  input.addEventListener("compositionend", run);
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const first = list.querySelector("a");
      if (first) { ev.preventDefault(); first.click(); }
    }
  });
  // Escape closes the dialog at once, also with text in the box (a search box would clear it first).
  dialog.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { ev.preventDefault(); dialog.close(); }
  });
  for (const links of [list, empty]) {
    links.addEventListener("click", (ev) => { if (ev.target.closest("a")) dialog.close(); });
  }
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
  // The same ranking the box uses, for the tokenizer parity test (`make search-eval` types into the box).
  window.wgSearch = {
    rankSections,
    terms: (text) => loadManifest().then((m) => terms(text, m.stopWords)),
    fold: (text) => loadManifest().then((m) => folded(text, m)),
  };
})();
