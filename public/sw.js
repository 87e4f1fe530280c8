// Fitcheck's service worker: keeps one complete build of the app for offline use.
//
// This file is a template. After every build, scripts/lib/service-worker.mjs writes the
// finished copy into dist/ with the build's file list and a version taken from the content of
// every file, so a new deploy changes this script's bytes and the browser installs it.
//
// Rules:
// - install: fill the cache `fitcheck-<version>` with the whole build, each file travelling once:
//   - files whose names carry a content hash never change, so the copy the page already
//     downloaded (in the browser's HTTP cache) is the right one: taken from there if present;
//   - on the first install (no `fitcheck-` cache yet) the page has just downloaded the build it
//     runs, so the other files are taken from the HTTP cache too, and index.html from the page's
//     own navigation (any app address answers with it);
//   - on an update (a `fitcheck-` cache exists) the other files are fetched from the network,
//     bypassing the HTTP cache, so the new build is whole.
//   The new worker then waits, and the page offers "a new version is available — reload".
// - activate (when the page asks, or when no page uses the old one): delete every other
//   `fitcheck-` cache and take control.
// - fetch: same-origin GETs in scope are answered from this build's cache, navigations with its
//   index.html, so a page never mixes files of two builds; anything else goes to the network.
const VERSION = "__FITCHECK_VERSION__";
const FILES = __FITCHECK_FILES__;
const CACHE = `fitcheck-${VERSION}`;
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/;
const scope = new URL(self.registration.scope);
const url = (path) => new URL(path, scope).href;

// The index.html the page's navigation received, from the HTTP cache, if it is still there.
async function pagesIndex() {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const page of pages) {
    if (!page.url.startsWith(scope.href)) continue;
    try {
      const response = await fetch(page.url, { cache: "only-if-cached", mode: "same-origin" });
      const type = response.headers.get("content-type") ?? "";
      if (response.ok && type.startsWith("text/html")) return response;
    } catch {
      // Not in the HTTP cache: fetched below.
    }
  }
  return null;
}

async function fill(cache, firstInstall) {
  const index = firstInstall ? await pagesIndex() : null;
  await Promise.all(
    FILES.map(async (file) => {
      if (file === "index.html" && index) return cache.put(url(file), index);
      const reuse = firstInstall || HASHED.test(file);
      const response = await fetch(new Request(url(file), { cache: reuse ? "force-cache" : "reload" }));
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      return cache.put(url(file), response);
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => {
      const firstInstall = !keys.some((k) => k.startsWith("fitcheck-"));
      return caches.open(CACHE).then((cache) => fill(cache, firstInstall));
    }),
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
