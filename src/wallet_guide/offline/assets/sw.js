/* The guide's service worker: offline reading. Published per build by wallet-guide-offline,
 * which runs it with SETTINGS (wallet_guide/settings.py): the build's version, the theme files
 * to precache and, per language root, the offline notice. A new build has a new version:
 * installing it deletes the old caches.
 *
 * - Pages: network first; a page that loads is kept, and shown when the network is gone.
 *   A page never saved shows a short notice pointing to the checklist, in its language.
 * - Theme files: precached at install (they are already in the browser's HTTP cache); the page
 *   a reader first lands on, its language's checklist, solutions and support pages, then its
 *   language's search index are saved when offline.js asks.
 * - The embed view (?embed=1, or any page inside a frame) is never touched: a support portal
 *   always gets the network's answer, as if there were no worker. */
"use strict";
/* global SETTINGS */
const CONFIG = SETTINGS;
const SCOPE = new URL(self.registration.scope);
const CACHE = `wallet-guide-${CONFIG.version}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(CONFIG.precache.map((path) => new URL(path, SCOPE).href)))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith("wallet-guide-") && key !== CACHE).map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

// The page a reader is on and its language's pages named in CONFIG.pages (the checklist, and the
// solutions and support pages the checklist leads to): saved on their first visit, before the
// worker controlled any page (offline.js asks for it). Then, in the background, the language's
// search index (one file, saved file by file), so that search answers offline too.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "wg-save-pages" || typeof event.data.path !== "string") return;
  const visited = new URL(event.data.path, SCOPE);
  if (visited.origin !== SCOPE.origin) return;
  const root = languageRoot(visited);
  const pages = [visited, ...CONFIG.pages.map((page) => new URL(root + page, SCOPE))];
  const assets = (Array.isArray(event.data.assets) ? event.data.assets : [])
    .map((href) => new URL(href))
    .filter(inScope);
  // The visited page and its assets were just loaded: take them from the HTTP cache.
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all([
    save(cache, pageKey(visited), visited.href, "force-cache"),
    ...pages.slice(1).map((url) => save(cache, pageKey(url), url.href, "default")),
    ...assets.map((url) => save(cache, url.href, url.href, "force-cache")),
  ]).then(() => saveSearchIndex(cache, event.data.search))));
});

const inScope = (url) => url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);

// search: {index: the index folder's address, bundle: the address of the same files in one}.
// Each file is saved at its own address, where search.js asks for it (asset() answers); the
// manifest last, so that a saved manifest means a whole index.
async function saveSearchIndex(cache, search) {
  if (!search || typeof search.index !== "string" || typeof search.bundle !== "string") return;
  const folder = new URL(search.index);
  const bundle = new URL(search.bundle);
  if (!inScope(folder) || !inScope(bundle)) return;
  const manifest = new URL("manifest.json", folder).href;
  if (await cache.match(manifest)) return;
  const response = await fetch(bundle.href);
  if (!response.ok) return;
  const files = Object.entries(await response.json());
  const put = ([name, content]) => cache.put(new URL(name, folder).href, new Response(JSON.stringify(content), {
    headers: { "Content-Type": "application/json" },
  }));
  await Promise.all(files.filter(([name]) => name !== "manifest.json").map(put));
  await Promise.all(files.filter(([name]) => name === "manifest.json").map(put));
}

async function save(cache, key, href, mode) {
  if (await cache.match(key)) return;
  const response = await fetch(href, { cache: mode });
  if (response.ok) await cache.put(key, response);
}

function languageRoot(url) {
  const path = url.pathname.slice(SCOPE.pathname.length);
  return Object.keys(CONFIG.languages).find((prefix) => path.startsWith(prefix)) ?? "";
}

const isEmbedded = (request, url) => request.destination === "iframe" || url.searchParams.has("embed");
const pageKey = (url) => url.origin + url.pathname; // ?tick=… and #section do not change the page

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (isEmbedded(request, url)) return;
  event.respondWith(request.mode === "navigate" ? page(request, url) : asset(request));
});

async function page(request, url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(pageKey(url), response.clone());
    return response;
  } catch {
    return (await cache.match(pageKey(url))) || offlineNotice(url);
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function offlineNotice(url) {
  const root = languageRoot(url);
  const m = CONFIG.languages[root];
  const home = new URL(root, SCOPE).pathname;
  const html = `<!doctype html>
<html lang="${escapeHtml(m.lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(m.title)}</title>
<style>body{font:1rem/1.7 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f1f1f}a{color:#00695c}</style>
</head><body><main class="wg-offline"><h1>${escapeHtml(m.title)}</h1><p>${escapeHtml(m.text)}</p>
<p><a href="${home}checklist/">${escapeHtml(m.checklist)}</a></p><p><a href="${home}">${escapeHtml(m.home)}</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
