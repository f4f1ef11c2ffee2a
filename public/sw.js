// sourceline's service worker: after one visit, the app and every deep link open offline.
//
// Each build precaches its complete shell under a cache named for the build. A new build
// installs beside the old one and waits; the page offers the update, and only when the reader
// accepts does the new worker take over, delete the old caches and reload the page, so a page
// never mixes files of two builds. BUILD and FILES are filled in by scripts/post-build.mjs.
const BUILD = 'dev';
const FILES = [];
const CACHE = `sourceline-${BUILD}`;
const SCOPE = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  if (BUILD === 'dev') return;
  // Straight from the network: a copy in the HTTP cache may belong to the previous build.
  const requests = ['./', ...FILES].map((file) => new Request(file, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sourceline-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (BUILD === 'dev' || request.method !== 'GET' || url.origin !== SCOPE.origin) return;
  // The app is one page: any link to it, whatever its query string, opens the cached shell.
  const isApp = request.mode === 'navigate' && (url.pathname === SCOPE.pathname || url.pathname === `${SCOPE.pathname}index.html`);
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      (isApp ? cache.match('./') : cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request)),
    ),
  );
});
