// Trunk post_build hook (see Trunk.toml), also runnable by hand on a built folder:
//   node scripts/post-build.mjs DIR [--no-site] [--from APP]
// A release build by ./x has Trunk build the app alone into target/app/ (the hook, told so by
// SOURCELINE_APP_ONLY, only minifies), then runs this with --from: the app's files are copied
// into DIR where they differ, and the site is written beside them there. DIR keeps the pages of
// the last build, which Trunk would empty, so that a build after a change writes only what
// changed (docs/publishing.md, "Large datasets").
// - in a release build, minifies the stylesheet and the scripts (esbuild, from npm) and writes
//   the new files' hashes into the page's `integrity` attributes, before any page is written
//   from it: 3.5 KB less gzip in the first load than Trunk's copies;
// - checks the dataset and writes the static site into the build (src/bin/site.rs: the compiled
//   catalog the app reads, a page per event and preview images, the index's content, the offline
//   shell, the sitemap when SITE_URL is set), from the dataset SOURCELINE_DATA names if set,
//   unless --no-site says it is already written; a dataset with any problem stops the build;
// - puts the SHA-256 hashes of the inline scripts Trunk injects into the Content-Security-Policy
//   of every page, so those and nothing else may run inline;
// - writes the app shell's file list and a build id (a hash of the shell and of the pages' list) into sw.js, so the
//   service worker precaches exactly this build under a cache of its own;
// - in a release build, writes a gzip (`.gz`) and a brotli (`.br`) copy beside every text and
//   wasm file, for hosts that serve precompressed files (nginx's gzip_static and brotli_static,
//   GitLab Pages, Netlify and others pick them by the request's Accept-Encoding).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/post-build.mjs DIR [--no-site] (or run as a Trunk hook)');
const release = dir === process.argv[2] ? true : process.env.TRUNK_PROFILE === 'release';

// Minified in place, in the Trunk hook only (not again with --no-site). The service worker is
// left as written: this script fills in its lists line by line each time it runs. Only
// whitespace, comments and local names go: exported names, property names and strings (the
// wasm's imports are looked up by name) stay as they are.
const minify = (file) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const loader = file.endsWith('.css') ? 'css' : 'js';
  const format = loader === 'js' && /^\s*(import|export)\b/m.test(text) ? 'esm' : undefined;
  const target = loader === 'js' ? 'es2020' : undefined;
  const { code } = transformSync(text, { loader, format, minify: true, legalComments: 'none', target });
  writeFileSync(path, code);
  return { before: Buffer.from(text), after: Buffer.from(code) };
};
const from = process.argv.includes('--from') ? process.argv[process.argv.indexOf('--from') + 1] : undefined;
if (release && !from && !process.argv.includes('--no-site')) {
  const indexPath = join(dir, 'index.html');
  let index = readFileSync(indexPath, 'utf8');
  // Trunk wrote a sha384 of each file it copied; the page must name the file as it is now.
  const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  for (const file of readdirSync(dir).filter((f) => /\.(css|js)$/.test(f) && f !== 'sw.js')) {
    const { before, after } = minify(file);
    index = index.split(sri(before)).join(sri(after));
  }
  // The app starts when the reader asks for it (public/start.js): Trunk's inline loader and its
  // preloads of the app's files give way to the starter, told the files' names.
  const loader = /<script type="module">\s*import init, \* as bindings from '\.\/(sourceline-[0-9a-f]+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/(sourceline-[0-9a-f]+_bg\.wasm)' \}\);[\s\S]*?<\/script>/;
  const names = loader.exec(index);
  if (!names) throw new Error("post-build: Trunk's loader of the app was not found in index.html");
  index = index
    .replace(loader, `<script src="start.js" defer data-glue="./${names[1]}" data-wasm="./${names[2]}"></script>`)
    .replace(/<link rel="(modulepreload|preload)" href="\.\/sourceline-[0-9a-f]+(\.js|_bg\.wasm)"[^>]*>/g, '');
  writeFileSync(indexPath, index);
}
// Trunk's hook in a release build by ./x: the app alone, the site comes after (--from).
if (process.env.SOURCELINE_APP_ONLY) process.exit(0);

/** Every file under `root`, by its path from there with `/`. */
const listed = (root) => {
  const out = [];
  (function walk(d) {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path).split(sep).join('/'));
    }
  })(root);
  return out;
};

// What the site command writes into a built folder (with the compressed copies of them): all
// else there is the app's, and goes when the app no longer has it (Trunk's file names change with
// their content).
const SITE_FILE = /^(.*\.html|previews\/.*|preview\.png|_catalog\.slcat|_start\.slcat|_start\.css|_tiles\.slroot|_tiles\/.*|_?sitemap(-\d+)?\.xml)(\.gz|\.br)?$/;
if (from) {
  mkdirSync(dir, { recursive: true });
  const app = new Set(listed(from).filter((f) => !f.startsWith('.stage/')));
  let copied = 0;
  for (const f of app) {
    const source = join(from, f);
    const target = join(dir, f);
    let same = false;
    try {
      same = statSync(target).size === statSync(source).size && readFileSync(target).equals(readFileSync(source));
    } catch {}
    if (!same) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
      copied += 1;
    }
  }
  let removed = 0;
  for (const f of listed(dir)) {
    const own = f.replace(/\.(gz|br)$/, '');
    if (!app.has(own) && !SITE_FILE.test(f)) {
      rmSync(join(dir, f));
      removed += 1;
    }
  }
  console.log(`post-build: the app's files from ${from} into ${dir}: ${copied} copied, ${removed} of an earlier build removed`);
}

if (!process.argv.includes('--no-site')) {
  // A build with another dataset (SOURCELINE_DATA) gets its catalog and its pages from that
  // file, checked here: the wasm holds no dataset. The site command reads it when it runs, so it is built
  // without the variable, and once for every dataset.
  const { SOURCELINE_DATA: data, ...env } = process.env;
  const dataset = data?.trim() ? ['--data', data] : [];
  // Preview images are kept by what they show in target/previews, so that a build after a
  // change draws only the images of the events that changed.
  const cache = ['--cache', join('target', 'previews')];
  // The release profile, or the one ./x's tests name (SOURCELINE_TOOLS_PROFILE), which write the same pages.
  const profile = process.env.SOURCELINE_TOOLS_PROFILE || 'release';
  execFileSync('cargo', ['run', '--quiet', '--locked', '--profile', profile, '--bin', 'site', '--', dir, ...dataset, ...cache], { stdio: 'inherit', env });
}

// What takes long on a large site is said as it goes, with the time each step took.
const started = Date.now();
const took = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const everything = listed(dir);
// The compressed copies of an earlier run are made again at the end, where their file changed.
const files = everything.filter((f) => !/\.(gz|br)$/.test(f));

// Content-Security-Policy: hash every inline script of every page. A JSON-LD block is data, not
// script, and is never run. The site command writes the hashes with each page it writes
// (src/site/csp.rs, by the same rule), so a release build leaves a page that has them as it is;
// a page written some other way gets them here. `trunk serve` injects its live-reload script
// after this hook runs, so debug builds allow inline script; release builds (everything in
// dist/ that is ever deployed) allow only the hashed ones.
const SCRIPT_SRC = /(script-src 'self' 'wasm-unsafe-eval')[^;"]*/;
let hashed = 0;
// The pages made from the template (they carry its markers), found on the way.
const templated = new Set();
// A page's policy and the template's first marker are in its first few kilobytes: a page the
// site command wrote, hashed already, is known by them without reading the rest (reading all of
// 100,000 pages took 4.6 s).
const HEAD_MARKER = '<!--sourceline:head-->';
const start = Buffer.alloc(4096);
const beginning = (path) => {
  const fd = openSync(path, 'r');
  try {
    return start.toString('utf8', 0, readSync(fd, start, 0, start.length, 0));
  } finally {
    closeSync(fd);
  }
};
for (const page of files.filter((f) => f.endsWith('.html'))) {
  const path = join(dir, page);
  // Its first kilobytes, or, where they do not settle it (or the page is to be rewritten), the
  // whole page.
  let html = beginning(path);
  if (!(release && html.includes(HEAD_MARKER) && html.match(SCRIPT_SRC)?.[0].includes("'sha256-"))) html = readFileSync(path, 'utf8');
  if (html.includes(HEAD_MARKER)) templated.add(page);
  const policy = html.match(SCRIPT_SRC);
  if (!policy) continue;
  if (release && policy[0].includes("'sha256-")) {
    hashed = Math.max(hashed, policy[0].split("'sha256-").length - 1);
    continue;
  }
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
  );
  hashed = Math.max(hashed, hashes.length);
  writeFileSync(path, html.replace(SCRIPT_SRC, `$1 ${release ? hashes.join(' ') : "'unsafe-inline'"}`));
}

// Service worker: the precache list and the build id. What a first visit downloads is the app
// shell: not the pages and images of every event, so it does not grow with the dataset. The
// index (as ./) and the offline shell are the only pages in it.
// A large site's tiles (src/model/tiles.rs) are not: the worker keeps each once it is read, and
// their root, precached, names them all, so the build id changes with any of them.
const generated = (f) => SITE_FILE.test(f) && !['_shell.html', '_catalog.slcat', '_start.slcat', '_start.css', '_tiles.slroot'].includes(f);
// The dataset reader's worker (src/reader.rs) is fetched when a reader opens a dataset from a
// link or a file, not by every first visit: the worker caches it then, for offline use after.
const READER = /^reader(_loader\.js|\.js|_bg\.wasm)$/;
// Its names are Trunk's, the same in every build: its loader asks for the two others under a
// query naming their content, so that a loader and the files it asks for are of one build
// even where a host's cache keeps an older copy of one of them.
const readerFiles = files.filter((f) => READER.test(f) && f !== 'reader_loader.js');
if (files.includes('reader_loader.js') && readerFiles.length === 2) {
  const version = createHash('sha256');
  for (const f of readerFiles.sort()) version.update(readFileSync(join(dir, f)));
  const v = version.digest('hex').slice(0, 16);
  const loader = `importScripts("./reader.js?v=${v}");wasm_bindgen({ module_or_path: "./reader_bg.wasm?v=${v}" });`;
  if (readFileSync(join(dir, 'reader_loader.js'), 'utf8') !== loader) writeFileSync(join(dir, 'reader_loader.js'), loader);
}
// The app itself (its glue and its wasm) is fetched when a reader first asks for it
// (public/start.js), not by every first visit: the worker keeps it then, or takes it from the
// HTTP cache as it installs, should the app have started before the worker was in place.
const APP = /^sourceline-[0-9a-f]+(\.js|_bg\.wasm)$/;
const app = files.filter((f) => APP.test(f)).sort();
// embed.js is for the pages that embed the app, not for the app: it is not precached.
const shell = files.filter((f) => f !== 'sw.js' && f !== 'embed.js' && !generated(f) && !READER.test(f) && !APP.test(f));
const later = files.filter((f) => READER.test(f) || APP.test(f));
const tiles = files.filter((f) => f.startsWith('_tiles/'));
// The events that have a page in this build (pages made from the template: they carry its
// markers), which the worker answers with the shell; any other address goes to the network.
const pages = files
  .filter((f) => f.endsWith('.html') && !f.includes('/') && f !== 'index.html' && f !== '_shell.html')
  .filter((f) => templated.has(f))
  .map((f) => f.slice(0, -'.html'.length));
if (pages.length > 1000) console.log(`post-build: ${hashed} inline script hash(es) in ${templated.size} pages, ${took()}`);
// The build id names what the worker precaches: the shell's files (the compiled catalog among
// them, so a change to the data is a new build) and the list of pages it answers. The pages
// and images themselves are never cached, and reading all of a large site's again took 15 s.
const build = createHash('sha256');
for (const f of [...shell, ...later]) build.update(f).update(readFileSync(join(dir, f)));
const id = release ? build.update(JSON.stringify(pages)).digest('hex').slice(0, 16) : 'dev';
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace(/^const BUILD = .*;$/m, `const BUILD = '${id}';`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(shell)};`)
  .replace(/^const LATER = .*;$/m, `const LATER = ${JSON.stringify(later)};`)
  .replace(/^const APP = .*;$/m, `const APP = ${JSON.stringify(app)};`)
  .replace(/^const TILES = .*;$/m, `const TILES = ${JSON.stringify(tiles)};`)
  .replace(/^const PAGES = .*;$/m, `const PAGES = ${JSON.stringify(pages)};`);
writeFileSync(swPath, sw);

// Precompressed copies, made last, of each file as it is served. Images are compressed already.
// A site of more than a thousand event pages has its event pages served as they are (hosts that
// compress on the fly still do): two more files for each of 100,000 pages took this machine
// about five minutes to write (docs/publishing.md). The app's files, the index and the shell,
// which every first visit loads, always have their copies.
// A copy newer than its file is kept: a build after a change compresses only what it wrote.
// Above LARGE bytes (a large dataset's catalog) the copies are made at brotli quality 9 and gzip
// level 6: at 100,000 events the catalog's brotli took 34 s at quality 11, 2 s at 9, for 18 %
// more bytes (2.57 MB against 3.03 MB), and a build after a one-event change must stay within
// 30 s.
const compressible = /\.(html|js|css|wasm|json|svg|xml|webmanifest|txt|slcat|slroot)$/;
const LARGE = 4 * 1024 * 1024;
const eventPages = new Set(pages.map((p) => `${p}.html`));
const skipped = eventPages.size > 1000 ? eventPages : new Set();
const toCompress = new Set(release ? files.filter((f) => compressible.test(f) && !skipped.has(f)) : []);
const mtime = (f) => {
  try {
    return statSync(join(dir, f)).mtimeMs;
  } catch {
    return -1;
  }
};
let compressed = 0;
for (const f of toCompress) {
  const changed = mtime(f);
  if (mtime(`${f}.gz`) >= changed && mtime(`${f}.br`) >= changed) continue;
  const raw = readFileSync(join(dir, f));
  // A tile is a part of a large catalog: at quality 11, a 1,000,000-event site's 500 tiles
  // would take minutes.
  const large = raw.length > LARGE || f.startsWith('_tiles/');
  writeFileSync(join(dir, `${f}.gz`), gzipSync(raw, { level: large ? 6 : 9 }));
  writeFileSync(join(dir, `${f}.br`), brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: large ? 9 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
  compressed += 1;
}
// Copies whose file is gone, or is no longer compressed (a site grown past a thousand pages).
for (const f of everything.filter((f) => /\.(gz|br)$/.test(f) && !toCompress.has(f.replace(/\.(gz|br)$/, '')))) rmSync(join(dir, f));
console.log(`post-build (${took()}): ${hashed} inline script hash(es) per page, service worker build ${id}, ${shell.length + 1} files precached, ${pages.length} event pages, ${compressed} files precompressed (.gz, .br), ${toCompress.size - compressed} kept from the last build`);
