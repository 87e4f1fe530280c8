// Fitcheck's service worker: keeps one complete build of the app for offline use.
//
// This file is a template. After every build, scripts/lib/service-worker.mjs writes the
// finished copy into dist/ with the build's file list and a version taken from the content of
// every file, so a new deploy changes this script's bytes and the browser installs it.
//
// Rules:
// - install: fetch the whole build into the cache `fitcheck-<version>`, bypassing the HTTP cache;
//   the new worker then waits, and the page offers "a new version is available — reload".
// - activate (when the page asks, or when no page uses the old one): delete every other
//   `fitcheck-` cache and take control.
// - fetch: same-origin GETs in scope are answered from this build's cache, navigations with its
//   index.html, so a page never mixes files of two builds; anything else goes to the network.
const VERSION = "__FITCHECK_VERSION__";
const FILES = __FITCHECK_FILES__;
const CACHE = `fitcheck-${VERSION}`;
const scope = new URL(self.registration.scope);
const url = (path) => new URL(path, scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(url(f), { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith("fitcheck-") && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "fitcheck-activate") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope.href)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const key = request.mode === "navigate" ? url("index.html") : request.url;
      const hit = await cache.match(key, { ignoreSearch: request.mode === "navigate" });
      return hit ?? fetch(request);
    }),
  );
});
