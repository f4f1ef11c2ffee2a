// sourceline's service worker: after one visit, the pages visited and every deep link open
// offline, and once the app has been started, the app too.
//
// The index and the shell are precached (FILES); the app's own files are not (APP, in LATER):
// a page is written as the app's first screen, and the app is fetched only when a reader asks
// for it (public/start.js). The worker keeps them then, or, as it installs, takes them from the
// browser's HTTP cache where the app started before the worker was in place. Once it holds
// them, the shell answers for every event's page, online or off, from this build's cache, and
// the app reads the event from the page's address and opens it: a page never mixes two builds,
// and a reader who has the app cached does not wait for the network. Until then an event's page
// comes from the network, and is kept for offline reading. Readers without the worker (a first
// visit, no JavaScript, a crawler) get the page itself, and so does anyone following a link to a
// page this build does not have. The files of the dataset reader (LATER) are cached the first
// time a reader opens a dataset from a link or a file. A large site's tiles (TILES) are kept
// too, taken from the HTTP cache.
// BUILD, FILES, LATER, APP, TILES and PAGES are filled in by scripts/post-build.mjs.
//
// Each build precaches its complete shell under a cache named for the build. A new build
// installs beside the old one and waits; the page offers the update, and only when the reader
// accepts does the new worker take over, delete the old caches and reload the page, so a page
// never mixes files of two builds.
const BUILD = 'dev';
const FILES = [];
// Fetched only when needed, then kept in this build's cache.
const LATER = [];
// The app's glue and wasm (also in LATER), the wasm last.
const APP = [];
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
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests).then(() => cache.addAll(TILES)).then(() => keepApp(cache))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sourceline-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The app's files only if the browser holds them already: a first visit does not download
// the app for a reader who may never use it.
const keepApp = (cache) =>
  Promise.all(
    APP.map((file) =>
      fetch(file, { cache: 'only-if-cached', mode: 'same-origin' }).then(
        (response) => response.ok && cache.put(file, response),
        () => {},
      ),
    ),
  );

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
  // The page's app has started (public/start.js), perhaps before this worker was in place.
  if (event.data && event.data.type === 'keep-app' && BUILD !== 'dev') event.waitUntil(caches.open(CACHE).then(keepApp));
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
      if (isPage) {
        return cache.match(APP[APP.length - 1]).then((app) => {
          if (app) return cache.match(SHELL).then((hit) => hit || fetch(request));
          // The app not yet started: the written page, kept for offline reading.
          return fetch(request).then(
            (response) => {
              if (response.ok) cache.put(request, response.clone());
              return response;
            },
            () => cache.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error()),
          );
        });
      }
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
