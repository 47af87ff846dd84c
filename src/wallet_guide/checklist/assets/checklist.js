/* The causes checklist (fragments/checklist.html): ticked boxes show their fixes, in order.
 * The ticks live in the address (?tick=network,balance: a link a support agent can send, and
 * Back/Forward) and in localStorage (one key for both languages: the ids are the same).
 * An address with ticks wins over the stored ones. Mounted on every page change (document$).
 * In a support portal's frame (?embed=1) one device serves many customers: ticks live in the
 * address only, unless the portal asks to keep them (?remember=1, embed.js's rememberTicks). */
(() => {
  "use strict";
  const KEY = "wallet-guide.checklist";
  const PARAM = "tick";
  let live = null; // the checklist of the current page: { root, path, apply(ids) }

  const remembers = () => {
    const params = new URLSearchParams(location.search);
    return params.get("embed") !== "1" || params.get("remember") === "1";
  };
  const load = () => {
    if (!remembers()) return [];
    try {
      const ids = JSON.parse(localStorage.getItem(KEY));
      return Array.isArray(ids) ? ids : [];
    } catch (e) {
      return [];
    }
  };
  const save = (ids) => {
    if (!remembers()) return;
    try {
      localStorage.setItem(KEY, JSON.stringify(ids));
    } catch (e) { /* private mode: the address still holds the ticks */ }
  };

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
    // Known ids only, in the checklist's order (the order to try the fixes).
    const valid = (ids) => known.filter((id) => ids.includes(id));
    const part = (name) => root.querySelector(`.wg-checklist__${name}`);
    const status = part("status");

    function show(ids, announce) {
      for (const box of boxes) {
        box.checked = ids.includes(box.value);
        box.closest(".wg-checklist__item").classList.toggle("wg-checklist__item--ticked", box.checked);
      }
      for (const fix of root.querySelectorAll(".wg-checklist__fix")) {
        fix.hidden = !ids.includes(fix.dataset.wgId);
      }
      const none = ids.length === 0;
      root.classList.toggle("wg-checklist--ticked", !none); // checklist.css shows what follows
      if (announce) {
        status.textContent = none
          ? root.dataset.wgStatusNone
          : root.dataset.wgStatusSome.replace("{count}", ids.length);
      }
    }

    function commit() {
      const ids = boxes.filter((box) => box.checked).map((box) => box.value);
      save(ids);
      history.pushState(history.state, "", address(ids));
      show(ids, true);
    }

    root.addEventListener("change", commit);
    part("reset").addEventListener("click", () => {
      for (const box of boxes) box.checked = false;
      commit();
    });

    const asked = new URL(location.href).searchParams.get(PARAM);
    const fromAddress = valid((asked || "").split(","));
    const ids = fromAddress.length ? fromAddress : valid(load());
    if (fromAddress.length) save(ids);
    show(ids, false);
    if (address(ids) !== location.href) history.replaceState(history.state, "", address(ids));
    live = {
      root,
      path: location.pathname,
      apply(next) {
        save(valid(next));
        show(valid(next), true);
      },
    };
  }

  // Back/Forward between two states of this page's checklist: the address says what is ticked.
  window.addEventListener("popstate", () => {
    if (!live || !live.root.isConnected || live.path !== location.pathname) return;
    live.apply((new URL(location.href).searchParams.get(PARAM) || "").split(","));
  });

  const mountAll = () => document.querySelectorAll(".wg-checklist").forEach(mount);
  if (window.document$) window.document$.subscribe(mountAll);
  else mountAll();
})();
