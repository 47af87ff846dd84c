/* The language selector keeps the reader's place: same page, same ?query (the checklist's ticks,
 * ?embed=1), same #section.
 * Its links live in the header, which instant navigation does not replace, so after every page
 * change they are refreshed from the page's own list of alternates (.wg-alternates). The link
 * of the page's own language carries aria-current (set by the template, kept here from the
 * page's list, which marks its own language's code: zh-tw, not <html lang>'s zh-TW). */
(() => {
  "use strict";
  const switcherLinks = () => document.querySelectorAll(".md-select__link[data-wg-lang]");

  function refresh() {
    const alternates = document.querySelector(".wg-alternates");
    if (!alternates) return;
    for (const link of switcherLinks()) {
      const target = alternates.querySelector(`a[data-wg-lang="${link.dataset.wgLang}"]`);
      if (target) link.href = target.href; // .href resolves against the current page
      if (target && target.hasAttribute("aria-current")) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    }
  }

  // Add the query and the section being read at the moment of the click (anchor tracking
  // updates the hash; the checklist updates the query).
  document.addEventListener("click", (ev) => {
    const link = ev.target instanceof Element && ev.target.closest(".md-select__link[data-wg-lang]");
    if (!link) return;
    const url = new URL(link.href);
    url.search = location.search;
    url.hash = location.hash;
    link.href = url.href;
  }, true);

  if (window.document$) window.document$.subscribe(refresh);
  else refresh();
})();
