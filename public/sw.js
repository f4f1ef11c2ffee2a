// sourceline's service worker: after one visit, the app and every deep link open offline.
//
// The app's page and the shell are precached with the app; the pages of single events are not
// (a first visit would otherwise download every page of the dataset). Once the worker is in
// place, the shell answers for every event's page, online or off, from this build's cache, and
// the app reads the event from the page's address and opens it: a page never mixes two builds,
// and a reader who has the app cached does not wait for the network. Readers without the
// worker (a first visit, no JavaScript, a crawler) get the page itself, with its content, and
// so does anyone following a link to a page this build does not have. The files of the dataset
// reader (LATER) are not precached: they are cached the first time a reader opens a dataset
// from a link or a file. A large site's tiles (TILES) are kept too, taken from the HTTP cache.
// BUILD, FILES, LATER, TILES and PAGES are filled in by scripts/post-build.mjs.
//
// Each build precaches its complete shell under a cache named for the build. A new build
// installs beside the old one and waits; the page offers the update, and only when the reader
// accepts does the new worker take over, delete the old caches and reload the page, so a page
// never mixes files of two builds.
const BUILD = 'dev';
const FILES = [];
// Fetched only when needed, then kept in this build's cache.
const LATER = [];
// A large site's tiles (src/model/tiles.rs): kept by the first visit as the others are, but
// taken from the browser's HTTP cache where it holds them, as the page has just read them all.
const TILES = [];
// The events with a page in this build, by id.
const PAGES = [];
const CACHE = `sourceline-${BUILD}`;
// Written by src/bin/site.rs: the app with no content, which answers for event pages.
const SHELL = '_shell.html';
const SCOPE = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  if (BUILD === 'dev') return;
  // Straight from the network: a copy in the HTTP cache may belong to the previous build.
  const requests = ['./', ...FILES].map((file) => new Request(file, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests).then(() => cache.addAll(TILES))));
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
  const file = url.pathname.startsWith(SCOPE.pathname) ? url.pathname.slice(SCOPE.pathname.length) : null;
  const navigation = request.mode === 'navigate' && file !== null;
  // The app's own page, whatever its query string, opens from the cache.
  const isApp = navigation && (file === '' || file === 'index.html');
  // The page of an event of this build, `palmyra-recaptured.html` beside the app's page (or
  // `palmyra-recaptured`, where the host drops `.html`). A page this build does not have (an
  // event added since, another file) comes from the network.
  const isPage = navigation && !isApp && !file.includes('/') && PAGES.includes(file.replace(/\.html$/, ''));
  // A large site's tiles (src/model/tiles.rs), named by their content, are kept once read,
  // should the install not have kept one.
  const later = file !== null && (LATER.includes(file) || file.startsWith('_tiles/'));
  event.respondWith(
    caches.open(CACHE).then((cache) => {
      if (isPage) return cache.match(SHELL).then((hit) => hit || fetch(request));
      if (later) {
        return cache.match(request, { ignoreSearch: true }).then(
          (hit) =>
            hit ||
            fetch(request).then((response) => {
              if (response.ok) cache.put(request, response.clone());
              return response;
            }),
        );
      }
      return (isApp ? cache.match('./') : cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request));
    }),
  );
});
