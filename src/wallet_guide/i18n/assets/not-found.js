/* The 404 page offers the page that the missing address meant, in each language that has it.
 * The address is read forgivingly: a language folder however it is written (/zh-TW/, /zh_tw/)
 * or wherever it is (/en/zh-tw/causes/: a relative link resolved on the wrong page), case,
 * _ for -, a page named as a file (causes.html, index.html), and punctuation pasted with a link
 * (/causes/。). What is left is a page path; each language that has it gets its link, the
 * languages named in the address first. The build lists every language's pages
 * (not_found.pages in the settings block, by wallet-guide-i18n once all are built) and renders
 * one hidden link per language (overrides/404.html): this only fills in and shows them. */
(() => {
  "use strict";
  const block = document.querySelector("[data-wg-elsewhere]");
  const settingsBlock = document.getElementById("wg-settings");
  if (!block || !settingsBlock) return;
  const settings = JSON.parse(settingsBlock.textContent);
  const pages = settings.not_found && settings.not_found.pages;
  if (!pages) return;

  const links = [...block.querySelectorAll("a[data-wg-lang]")];
  const normal = (text) => text.toLowerCase().replace(/_/g, "-");
  const languageNamed = new Map(); // "zh-tw" (code or <html lang>, normalised) -> the link
  for (const link of links) {
    languageNamed.set(normal(link.dataset.wgLang), link);
    languageNamed.set(normal(link.lang), link);
  }

  function decoded(segment) {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment; // a malformed %-escape: compare it as typed
    }
  }

  const PASTED = /[\s.,;:!?'"()[\]{}<>。，、；：！？「」『』（）【】《》]+$/u;
  const FILE_NAME = /(^index)?\.(html?|md)$/; // causes.html, index.html

  // The page path ("causes/", "" for the home page) and the languages the address names.
  function readAddress(pathname, root) {
    let rest = pathname;
    if (normal(rest).startsWith(normal(root))) rest = rest.slice(root.length);
    const named = [];
    const segments = [];
    for (const raw of rest.split("/")) {
      let segment = normal(decoded(raw).trim().replace(PASTED, ""));
      if (languageNamed.has(segment)) {
        named.unshift(languageNamed.get(segment)); // the last one named is the likeliest
        continue;
      }
      segment = segment.replace(FILE_NAME, "");
      if (segment) segments.push(segment);
    }
    return { path: segments.length ? `${segments.join("/")}/` : "", named };
  }

  const root = new URL(settings.root, location.href).pathname;
  const { path, named } = readAddress(location.pathname, root);
  const list = block.querySelector("ul");
  for (const link of [...new Set([...named, ...links])]) {
    const page = (pages[link.dataset.wgLang] || []).find((candidate) => normal(candidate) === path);
    const item = link.closest("li");
    item.hidden = page === undefined;
    if (page !== undefined) {
      link.href = link.dataset.wgRoot + page + location.search + location.hash;
      link.hreflang = link.lang;
      link.target = "_self"; // a full page load: Material's instant navigation leaves it alone
    }
    list.append(item); // in the order of preference
  }
  block.hidden = !links.some((link) => !link.closest("li").hidden);
})();
