// The benchmark: sourceline against vis-timeline and TimelineJS, in one run, in headless
// Chromium, on the same generated events at several sizes. Run it with `./x bench`. sourceline is
// measured twice: opened on the dataset at run time (`?data=`), and as a site built with it
// (`sourceline, built`: the compiled catalog and pages `site` writes, as SOURCELINE_DATA does).
//
// For each tool and size it measures: what the first load transfers (gzip, level 6, as a
// static host would serve it), the time from navigation to the first event drawn and the longest
// main-thread task before it (Long Tasks API), one zoom step and one pan step to the next paint (median and worst of several), for sourceline the
// time from a keystroke in search to the updated list, and how many elements the page holds.
// A page that draws its first event within 15 s is loaded three times, and its load figures are
// the median of the three (LOADS). A tool that draws nothing within 60 s is reported as such.
// Prints a table with ratios and
// writes an SVG plot; with --readme, also writes both into README.md.
//
// It then measures "first event readable" (see `readable` below): on a throttled connection
// (Chromium's network emulation: 150 ms round trip, 200,000 B/s down, 93,750 B/s up), from
// navigation start to the first frame where the event "Syrian forces recapture Palmyra" shows
// both its title and its first claim's text on screen, for sourceline's static event page, its
// old `?event=` link, vis-timeline and TimelineJS (bench/vis-palmyra.html and
// bench/timelinejs-palmyra.html, on the same dataset converted here from data/palmyra.json),
// median of READABLE_RUNS cold loads each; and how the event page changes when the app takes
// over from its static HTML (the title's position before and after, layout shift). With
// --readme it writes those into README.md between the bench-readable markers.
//
// Last, Lighthouse's mobile run (bench/lighthouse.mjs) of three of those pages: sourceline's
// static event page, TimelineJS and vis-timeline, served the same way, median of three runs each;
// with --readme it writes its table into README.md between the bench-lighthouse markers.
//
//   node bench/run.mjs --readable            only that figure: no build (it takes dist/ as it
//                                            is), no generated datasets; about a minute
//   node bench/run.mjs --readable --readme   the same, and writes its section of README.md
//   node bench/run.mjs --lighthouse          only Lighthouse's figures, on dist/ as it is;
//                                            a few minutes (--readme writes its section)
//   BENCH_SIZES=10000,100000 BENCH_TOOLS='vis-timeline,sourceline, built' node bench/run.mjs
//                                            some sizes and tools only, for a quick look while
//                                            working: no readable figure, README.md untouched
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { extname, normalize, resolve as resolvePath, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

import os from 'node:os';

import { lighthouseMethod, lighthouseRuns, lighthouseTable } from './lighthouse.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '100,10000,100000,1000000').split(',').map(Number);
const LIMIT_MS = 60_000;
// How long one tool at one size may take in all, its load and steps together.
const STEPS_LIMIT_MS = 240_000;
const STEPS = 9;
const SITE = 'target/bench-site';
// Some tools only (their names as the table gives them, between commas): a partial run, which
// writes nothing into README.md.
const ONLY_TOOLS = process.env.BENCH_TOOLS?.split(/,(?! )/).map((t) => t.trim());
const README = process.argv.includes('--readme') && !ONLY_TOOLS;
const ONLY_READABLE = process.argv.includes('--readable');
const ONLY_LIGHTHOUSE = process.argv.includes('--lighthouse');
// Either of those (or both) measures dist/ as it is, on the bundled dataset only.
const PARTIAL = ONLY_READABLE || ONLY_LIGHTHOUSE;
const RUN_READABLE = !ONLY_TOOLS && (ONLY_READABLE || !ONLY_LIGHTHOUSE);
const RUN_LIGHTHOUSE = !ONLY_TOOLS && (ONLY_LIGHTHOUSE || !ONLY_READABLE);
const READABLE_RUNS = 5;

function generate(events, format, file) {
  // Straight into the file: a million events are 400 MB of JSON.
  const out = openSync(file, 'w');
  try {
    execFileSync('cargo', ['run', '--quiet', '--locked', '--release', '--bin', 'generate', '--', String(events), '1', '--as', format], {
      stdio: ['ignore', out, 'inherit'],
    });
  } finally {
    closeSync(out);
  }
}

// The most the app reads from a `?data=` link (MAX_DATASET_BYTES in src/model/dataset.rs), so
// that no link can freeze a reader's tab; a larger dataset is published as a built site.
const MAX_DATASET_BYTES = 50 * 1024 * 1024;

function buildSite({ synthetic }) {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(`${SITE}/sourceline/data`, { recursive: true });
  cpSync('dist', `${SITE}/sourceline`, { recursive: true });
  mkdirSync(`${SITE}/vis`, { recursive: true });
  cpSync('node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js', `${SITE}/vis/vis-timeline.min.js`);
  cpSync('node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css', `${SITE}/vis/vis-timeline.min.css`);
  cpSync('bench/vis.html', `${SITE}/vis/index.html`);
  mkdirSync(`${SITE}/timelinejs`, { recursive: true });
  cpSync('node_modules/@knight-lab/timelinejs/dist/js/timeline.js', `${SITE}/timelinejs/timeline.js`);
  cpSync('node_modules/@knight-lab/timelinejs/dist/css/timeline.css', `${SITE}/timelinejs/timeline.css`);
  cpSync('bench/timelinejs.html', `${SITE}/timelinejs/index.html`);
  // The bundled dataset, for the "first event readable" figure, in both tools' formats.
  const palmyra = JSON.parse(readFileSync('data/palmyra.json', 'utf8'));
  cpSync('bench/vis-palmyra.html', `${SITE}/vis/palmyra.html`);
  writeFileSync(`${SITE}/vis/palmyra.json`, JSON.stringify(palmyraForVis(palmyra)));
  cpSync('bench/timelinejs-palmyra.html', `${SITE}/timelinejs/palmyra.html`);
  writeFileSync(`${SITE}/timelinejs/palmyra.json`, JSON.stringify(palmyraForTimelineJS(palmyra)));
  if (!synthetic) return;
  for (const n of SIZES) {
    process.stderr.write(`generating ${n} events\n`);
    generate(n, 'sourceline', `${SITE}/sourceline/data/synthetic-${n}.json`);
    generate(n, 'vis', `${SITE}/vis/data-${n}.json`);
    generate(n, 'timelinejs', `${SITE}/timelinejs/data-${n}.json`);
    // The site a publisher builds with the same events (SOURCELINE_DATA): the built app with
    // its compiled catalog and pages written by `site`, as `./x build` writes them.
    process.stderr.write(`building the site of ${n} events\n`);
    const built = `${SITE}/built-${n}`;
    cpSync('dist', built, { recursive: true });
    execFileSync('cargo', ['run', '--quiet', '--locked', '--release', '--bin', 'site', '--', built, '--data', `${SITE}/sourceline/data/synthetic-${n}.json`, '--cache', 'target/previews'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    execFileSync('node', ['scripts/post-build.mjs', built, '--no-site'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

// The bundled dataset in vis-timeline's and TimelineJS's formats, for the "first event
// readable" figure: the same events, titles, summaries and claims, nothing added.
//
// Both tools need concrete dates, so each EDTF date becomes its earliest day ("2011~" →
// 2011-01-01, "2016-12" → 2016-12-01, "[..2017-03-02]" → 2017-03-02) and an interval also its
// last day ("2017-02~/2017-03-02" → 2017-02-01 to 2017-03-02). The precision and the
// qualifiers (about, on or before, a month rather than a day) are lost in those tools.
function concreteDays(edtf) {
  const day = (text) => {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text.replace(/[~?%]/g, ''));
    if (!m || Number(m[2] ?? 1) > 12) throw new Error(`bench: no concrete day for the EDTF date ${edtf}`);
    return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  };
  const set = /^[[{](.*)[\]}]$/.exec(edtf.trim());
  if (set) {
    // One of (or all of) a set: its first member; "..X" (on or before X) has only X.
    const [from, to] = set[1].split(',')[0].trim().split('..');
    return { start: day(from || to) };
  }
  const [from, to] = edtf.trim().split('/');
  if (to === undefined) return { start: day(from) };
  const open = (x) => x === '' || x === '..';
  if (open(from)) return { start: day(to) };
  return open(to) ? { start: day(from) } : { start: day(from), end: day(to) };
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function sourceName(dataset, id) {
  const source = dataset.sources.find((s) => s.id === id);
  if (!source) throw new Error(`bench: data/palmyra.json names an unknown source ${id}`);
  return source.name;
}

function palmyraForVis(dataset) {
  const items = dataset.events.map((event) => ({ id: event.id, content: escapeHtml(event.title), ...concreteDays(event.date) }));
  // What bench/vis-palmyra.html shows beside the timeline for the selected item.
  const details = Object.fromEntries(
    dataset.events.map((event) => [
      event.id,
      { title: event.title, date: event.date, place: event.place, summary: event.summary, claims: event.claims.map((c) => ({ by: sourceName(dataset, c.by), text: c.text })) },
    ]),
  );
  return { items, details };
}

function palmyraForTimelineJS(dataset) {
  const tlDate = (iso) => {
    const [year, month, day] = iso.split('-');
    return { year, month, day };
  };
  return {
    title: { unique_id: 'title', text: { headline: escapeHtml(dataset.title), text: `<p>${escapeHtml(dataset.description)}</p>` } },
    events: dataset.events.map((event) => {
      const { start, end } = concreteDays(event.date);
      const claims = event.claims.map((c) => `<p><strong>${escapeHtml(sourceName(dataset, c.by))}</strong>: ${escapeHtml(c.text)}</p>`).join('');
      return {
        unique_id: event.id,
        start_date: tlDate(start),
        ...(end ? { end_date: tlDate(end) } : {}),
        text: { headline: escapeHtml(event.title), text: `<p>${escapeHtml(event.summary)}</p>${claims}` },
      };
    }),
  };
}

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// What each tool's page is, and how to drive it.
const SOURCELINE_STEPS = {
  drawn: '.mark',
  zoom: () => document.querySelector('.zoom button').click(),
  pan: () => document.querySelector('.timeline-area').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })),
};
const TOOLS = {
  // The app opened on a dataset at run time (`?data=`, JSON read in the page).
  sourceline: {
    url: (n) => (n === 'palmyra' ? 'sourceline/' : `sourceline/?data=data/synthetic-${n}.json`),
    ...SOURCELINE_STEPS,
  },
  // A site built with the dataset (SOURCELINE_DATA): its compiled catalog, as a publisher's.
  'sourceline, built': {
    url: (n) => `built-${n}/`,
    ...SOURCELINE_STEPS,
  },
  'vis-timeline': {
    url: (n) => `vis/?n=${n}`,
    drawn: '.vis-item',
    zoom: () => window.timeline.zoomIn(0.5, { animation: false }),
    pan: () => {
      const w = window.timeline.getWindow();
      const shift = (w.end - w.start) * 0.15;
      window.timeline.setWindow(w.start.valueOf() + shift, w.end.valueOf() + shift, { animation: false });
    },
  },
  TimelineJS: {
    url: (n) => `timelinejs/?n=${n}`,
    drawn: '.tl-timemarker',
    zoom: () => window.timeline.zoomIn(),
    pan: () => window.timeline.goToNext(),
  },
};

/** Runs `action` in the page and returns the milliseconds until the frame after it painted. */
async function toPaint(page, action) {
  return page.evaluate(async (source) => {
    const act = new Function(`return (${source})()`);
    const start = performance.now();
    act();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, action.toString());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// One tool at one size, in its own browser context, within STEPS_LIMIT_MS: a page that keeps its
// renderer busy for minutes (vis-timeline at 100,000 events, once it has drawn) would otherwise
// hold the run, since nothing can be evaluated in it meanwhile. Whatever was measured by then is
// kept, and the row says what did not finish.
// How many loads a row takes, when its page draws soon enough for more than one: the load
// figures (first event drawn and painted, when the data arrived, when the app answered, the
// longest tasks) are the median of the loads, and the steps those of the load whose first
// event came in the middle. One load a row let this machine's noise decide a row alone.
const LOADS = 3;
const REPEAT_BELOW_MS = 15_000;
const LOAD_FIGURES = ['firstDrawn', 'firstPainted', 'dataArrived', 'ready', 'beforeReady', 'longestTask', 'longestReading'];

async function measureLoads(browser, base, tool, n) {
  const loads = [await measureWithin(browser, base, tool, n)];
  while (loads.length < LOADS && !loads[0].failed && loads[0].firstDrawn < REPEAT_BELOW_MS) loads.push(await measureWithin(browser, base, tool, n));
  process.stderr.write(`  first event drawn: ${loads.map((load) => (load.firstDrawn === undefined ? '–' : `${Math.round(load.firstDrawn)} ms`)).join(', ')}\n`);
  if (loads.some((load) => load.failed)) return loads.find((load) => load.failed);
  const middle = [...loads].sort((a, b) => a.firstDrawn - b.firstDrawn)[Math.floor(loads.length / 2)];
  const result = { ...middle, loads: loads.length };
  for (const figure of LOAD_FIGURES) {
    const values = loads.map((load) => load[figure]).filter((value) => value !== undefined);
    if (values.length === loads.length) result[figure] = median(values);
  }
  return result;
}

async function measureWithin(browser, base, tool, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const result = { tool, n };
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve('late'), STEPS_LIMIT_MS);
  });
  const outcome = await Promise.race([measure(context, base, tool, n, result), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    result.failed = result.firstDrawn === undefined ? `drew nothing within ${LIMIT_MS / 1000} s` : `its steps did not finish within ${STEPS_LIMIT_MS / 1000} s`;
  }
  // Closing a context whose renderer is stuck can wait as long as the renderer: not for long.
  await Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  return result;
}

async function measure(context, base, tool, n, result) {
  const spec = TOOLS[tool];
  const page = await context.newPage();
  // What the page asked for; sizes are read from the served files, gzip-compressed here as a
  // static host would (the benchmark's plain server sends them uncompressed).
  const requested = new Set();
  page.on('request', (request) => requested.add(request.url()));
  await page.addInitScript((selector) => {
    // Every file the page loads is counted: a large site's tiles are hundreds (the browser keeps
    // 250 by default).
    performance.setResourceTimingBufferSize(100000);
    // The main thread's long tasks (Long Tasks API), to find the longest before the first draw.
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({
      type: 'longtask',
      buffered: true,
    });
    // A large built site first draws a screen that does not answer (its main landmark busy,
    // its content inert) while it reads the rest: the steps below wait for the app that
    // answers. (Other tools may make parts of their own pages inert: only sourceline's busy
    // main landmark is looked at.)
    // Drawn: the first of its events in the page and shown (a page may hold copies for other
    // widths, not shown); painted: the end of the first frame that shows it, the moment the
    // reader can see it.
    const shown = () => document.querySelector(selector) && [...document.querySelectorAll(selector)].some((el) => el.checkVisibility());
    const watch = () => {
      if (window.__firstDrawn === undefined && shown()) {
        window.__firstDrawn = performance.now();
        requestAnimationFrame(() => setTimeout(() => (window.__firstPainted = performance.now())));
      }
      if (window.__ready === undefined && document.querySelector(selector) && !document.querySelector('main[aria-busy="true"]')) window.__ready = performance.now();
    };
    new MutationObserver(watch).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['inert'] });
  }, spec.drawn);
  try {
    await page.goto(base + spec.url(n), { timeout: LIMIT_MS });
    await page.waitForFunction(() => window.__firstDrawn !== undefined, null, { timeout: LIMIT_MS, polling: 50 });
    result.firstDrawn = await page.evaluate(() => window.__firstDrawn);
    await page.waitForFunction(() => window.__firstPainted !== undefined, null, { timeout: LIMIT_MS, polling: 50 });
    result.firstPainted = await page.evaluate(() => window.__firstPainted);
    result.longestTask = await page.evaluate(() => Math.max(0, ...window.__longTasks.filter((t) => t.start <= window.__firstDrawn).map((t) => t.duration)));
    // What had arrived by the first draw, and when the app answered.
    const arrived = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.responseEnd <= window.__firstDrawn).map((e) => e.name));
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: LIMIT_MS, polling: 50 });
    result.ready = await page.evaluate(() => window.__ready);
    await page.waitForLoadState('networkidle', { timeout: LIMIT_MS }).catch(() => {});
    const gzipped = (urls) =>
      urls
        .map((url) => new URL(url))
        .filter((url) => url.origin === new URL(base).origin)
        .map((url) => `${SITE}${decodeURIComponent(url.pathname)}${url.pathname.endsWith('/') ? 'index.html' : ''}`)
        .reduce((sum, file) => {
          try {
            return sum + gzipSync(readFileSync(file), { level: 6 }).length;
          } catch {
            return sum;
          }
        }, 0);
    result.transfer = gzipped([...requested]);
    // The page itself, and every file that had arrived when the first event was drawn.
    result.beforeFirst = gzipped([base + spec.url(n), ...arrived]);
    // And every file that had arrived when the app answered: a large site's tiles by then.
    const beforeReady = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.responseEnd <= window.__ready).map((e) => e.name));
    result.beforeReady = gzipped([base + spec.url(n), ...beforeReady]);
    // When the events themselves had arrived: the first event is drawn this much later. A page
    // opened with ?data= also preloads the site's own catalog, which is not its data: the JSON
    // is looked for first. A large built site draws first from its start file.
    result.dataArrived = await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource');
      const data = [/(synthetic|data)-\d+\.json/, /_start\.slcat/, /_catalog\.slcat/].map((name) => resources.find((e) => name.test(e.name))).find(Boolean);
      return data ? data.responseEnd : undefined;
    });
    // The longest task from the data's arrival until a second after the app answers: while it
    // reads, indexes and draws the data, and works out what it does after (search, widths).
    await page.waitForFunction(() => performance.now() > window.__ready + 1000, null, { timeout: LIMIT_MS, polling: 100 });
    result.longestReading = await page.evaluate(
      (from) => Math.max(0, ...window.__longTasks.filter((t) => t.start + t.duration >= from && t.start <= window.__ready + 1000).map((t) => t.duration)),
      result.dataArrived ?? 0,
    );
    result.dom = await page.evaluate(() => document.getElementsByTagName('*').length);
    const zooms = [];
    const pans = [];
    for (let i = 0; i < STEPS; i++) zooms.push(await toPaint(page, spec.zoom));
    for (let i = 0; i < STEPS; i++) pans.push(await toPaint(page, spec.pan));
    result.zoom = { median: median(zooms), worst: Math.max(...zooms) };
    result.pan = { median: median(pans), worst: Math.max(...pans) };
    result.domAfter = await page.evaluate(() => document.getElementsByTagName('*').length);
    if (tool.startsWith('sourceline')) {
      const keys = [];
      for (const text of ['e', 'ev', 'eve', 'even', 'event', 'event 1', 'event 12', 'event 123']) {
        keys.push(
          await page.evaluate(async (text) => {
            const input = document.querySelector('input[type=search]');
            const start = performance.now();
            input.value = text;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            return performance.now() - start;
          }, text),
        );
      }
      result.search = { median: median(keys), worst: Math.max(...keys) };
    }
  } catch (error) {
    result.failed = result.firstDrawn === undefined ? `drew nothing within ${LIMIT_MS / 1000} s` : String(error.message).split('\n')[0];
  }
  return result;
}

// "First event readable": how long, on a slow connection, until someone who followed a link to
// one event can read it. The event, and the text that must be on screen: its title and its
// first claim's text, taken from data/palmyra.json.
const READABLE_EVENT = 'palmyra-recaptured';
// Chromium's network emulation (CDP): about 1.6 Mbit/s down, 0.75 Mbit/s up, 150 ms round trip.
const THROTTLE = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const READABLE_PAGES = [
  { page: "sourceline's event page", url: `sourceline/${READABLE_EVENT}.html` },
  { page: "sourceline's old link (`?event=`)", url: `sourceline/?event=${READABLE_EVENT}` },
  { page: 'vis-timeline', url: `vis/palmyra.html?event=${READABLE_EVENT}` },
  { page: 'TimelineJS', url: `timelinejs/palmyra.html#event-${READABLE_EVENT}` },
];
// Lighthouse's pages: the same, but for the old link, which only sends the reader on to the
// event page.
const LIGHTHOUSE_PAGES = [READABLE_PAGES[0], READABLE_PAGES[3], READABLE_PAGES[2]];

/**
 * Runs in the page before any of its scripts (and so whatever its Content-Security-Policy):
 * every animation frame, and in the frame after any DOM change, it looks for the elements whose
 * text holds the title and the first claim, and records the milliseconds from the start of the
 * first navigation (across a page that sends the reader on) in the first frame where both are
 * readable. A requestAnimationFrame callback
 * runs just before the frame is painted, and layout read there is what that frame shows.
 *
 * "Readable": an element whose text (whitespace collapsed) holds the whole string and none of
 * whose children does, that is rendered (checkVisibility: not display:none, not
 * visibility:hidden, not opacity 0, not skipped by content-visibility), and whose text as laid
 * out (a Range over its contents) has a size, lies wholly inside the viewport and inside the
 * element and every ancestor that clips overflow (so a slide still off to the side of a
 * carousel, an item scrolled out of a panel or a title cut off with an ellipsis does not
 * count), and is not covered by another element at its first line and at its middle.
 */
function readableProbe({ title, claim }) {
  if (window !== window.top) return;
  // Milliseconds from the start of the first navigation of the run: a page that sends the
  // reader on to another (the old link's) counts the time both took. Each run has a context of
  // its own, so its session storage starts empty.
  let first = performance.timeOrigin;
  try {
    const kept = sessionStorage.getItem('bench-first-navigation');
    if (kept === null) sessionStorage.setItem('bench-first-navigation', String(first));
    else first = Number(kept);
  } catch {}
  const sinceNavigation = () => performance.timeOrigin + performance.now() - first;
  const norm = (text) => text.replace(/\s+/g, ' ');
  const skip = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
  const holds = (el, text) => !skip.has(el.tagName) && norm(el.textContent).includes(text);
  const deepest = (text) => {
    const found = [];
    if (!document.body || !holds(document.body, text)) return found;
    const stack = [document.body];
    while (stack.length) {
      const el = stack.pop();
      const inner = [...el.children].filter((child) => holds(child, text));
      if (inner.length) stack.push(...inner);
      else found.push(el);
    }
    return found;
  };
  const readable = (el) => {
    const options = { checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true };
    if (el.checkVisibility && !el.checkVisibility(options)) return false;
    // Where the text itself is laid out (wider than its element when cut off with an ellipsis).
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const box = { left: 0, top: 0, right: document.documentElement.clientWidth, bottom: document.documentElement.clientHeight };
    for (let a = el; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const style = getComputedStyle(a);
      const ar = a.getBoundingClientRect();
      if (style.overflowX !== 'visible') [box.left, box.right] = [Math.max(box.left, ar.left), Math.min(box.right, ar.right)];
      if (style.overflowY !== 'visible') [box.top, box.bottom] = [Math.max(box.top, ar.top), Math.min(box.bottom, ar.bottom)];
    }
    const slack = 1;
    if (r.left < box.left - slack || r.top < box.top - slack || r.right > box.right + slack || r.bottom > box.bottom + slack) return false;
    const first = range.getClientRects()[0] ?? r;
    const firstLine = [first.left + Math.min(4, first.width / 2), first.top + first.height / 2];
    const middle = [r.left + r.width / 2, r.top + r.height / 2];
    return [firstLine, middle].every(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (el.contains(hit) || hit.contains(el));
    });
  };
  const seen = (text) => deepest(text).some(readable);
  let scheduled = false;
  const check = () => {
    scheduled = false;
    if (window.__readable !== undefined) return;
    const now = sinceNavigation();
    const t = seen(title);
    const c = seen(claim);
    if (t && window.__titleReadable === undefined) window.__titleReadable = now;
    if (c && window.__claimReadable === undefined) window.__claimReadable = now;
    if (t && c) window.__readable = now;
  };
  const frame = () => {
    check();
    if (window.__readable === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver(() => {
    if (!scheduled && window.__readable === undefined) {
      scheduled = true;
      requestAnimationFrame(check);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

/** A fresh browser context and page on the throttled connection: cold cache, no service worker. */
async function throttledPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  return { context, page };
}

async function readableOnce(browser, base, url, texts) {
  const { context, page } = await throttledPage(browser);
  // Nothing here may leave this machine; a page that tries is reported (none should).
  const elsewhere = new Set();
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) elsewhere.add(request.url());
  });
  await page.addInitScript(readableProbe, texts);
  const started = Date.now();
  const run = {};
  try {
    await page.goto(base + url, { waitUntil: 'commit', timeout: LIMIT_MS });
    await page.waitForFunction(() => window.__readable !== undefined, null, { timeout: Math.max(1, LIMIT_MS - (Date.now() - started)), polling: 100 });
  } catch {
    run.failed = true;
  }
  Object.assign(
    run,
    await page.evaluate(() => ({ readable: window.__readable, title: window.__titleReadable, claim: window.__claimReadable })).catch(() => ({})),
  );
  if (elsewhere.size) run.elsewhere = [...elsewhere];
  await context.close();
  return run;
}

async function readable(browser, base) {
  const dataset = JSON.parse(readFileSync('data/palmyra.json', 'utf8'));
  const event = dataset.events.find((e) => e.id === READABLE_EVENT);
  const texts = { title: event.title, claim: event.claims[0].text };
  const results = READABLE_PAGES.map((p) => ({ ...p, runs: [] }));
  // Round after round, each page once per round, so that a slow moment of the machine falls on
  // every page alike.
  for (let i = 0; i < READABLE_RUNS; i++) {
    for (const r of results) {
      process.stderr.write(`first event readable: ${r.page}, run ${i + 1} of ${READABLE_RUNS}\n`);
      r.runs.push(await readableOnce(browser, base, r.url, texts));
    }
  }
  for (const r of results) {
    const times = r.runs.map((run) => run.readable).filter((t) => t !== undefined);
    // A run that never got there counts as slower than any that did.
    if (times.length * 2 > r.runs.length) {
      const all = r.runs.map((run) => run.readable ?? Infinity);
      r.median = median(all);
      r.best = Math.min(...all);
      r.worst = Math.max(...all);
    }
    const mid = (key) => {
      const xs = r.runs.map((run) => run[key]).filter((t) => t !== undefined);
      return xs.length ? median(xs) : undefined;
    };
    [r.title, r.claim] = [mid('title'), mid('claim')];
    r.never = r.runs.filter((run) => run.readable === undefined).length;
    r.elsewhere = [...new Set(r.runs.flatMap((run) => run.elsewhere ?? []))];
  }
  return results;
}

/**
 * How sourceline's event page changes when the app takes over from the written page (the app's
 * first screen, public/start.js), asked for as soon as the page has loaded, on the same
 * throttled connection: where the event's title is in the written page's last frame and once
 * the app has mounted (and the page has settled), and the layout shift over the
 * whole load. Cumulative Layout Shift is the largest session window of layout-shift entries
 * (gaps under 1 s, at most 5 s long), as web-vitals computes it; entries after input are left
 * out (there is none here).
 */
async function takeoverOnce(browser, base) {
  const { context, page } = await throttledPage(browser);
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: e.startTime });
    }).observe({ type: 'layout-shift', buffered: true });
    // The page as written is the app's first screen (public/start.js); the reader asks for the
    // app as soon as the page has loaded.
    addEventListener('load', () => document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
    const shown = (id) => {
      const el = document.getElementById(id);
      return el && el.getClientRects().length > 0 ? el : null;
    };
    const frame = () => {
      const written = shown('event-panel-heading-wide') || shown('event-panel-heading-narrow') || shown('event-panel-heading');
      if (document.documentElement.dataset.app !== 'open' && written) {
        window.__staticTop = written.getBoundingClientRect().top;
        window.__staticSeen ??= performance.now();
      } else if (document.documentElement.dataset.app === 'open' && window.__staticTop !== undefined) {
        window.__mounted = performance.now();
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const run = {};
  try {
    await page.goto(`${base}sourceline/${READABLE_EVENT}.html`, { waitUntil: 'commit', timeout: LIMIT_MS });
    await page.waitForFunction(() => window.__mounted !== undefined, null, { timeout: LIMIT_MS, polling: 100 });
    await page.waitForLoadState('networkidle', { timeout: LIMIT_MS }).catch(() => {});
    await page.waitForTimeout(1000);
    Object.assign(
      run,
      await page.evaluate(() => {
        let [cls, windowValue, windowStart, last] = [0, 0, -Infinity, -Infinity];
        for (const { value, at } of window.__shifts) {
          if (at - last > 1000 || at - windowStart > 5000) [windowValue, windowStart] = [0, at];
          windowValue += value;
          last = at;
          cls = Math.max(cls, windowValue);
        }
        return {
          staticTop: window.__staticTop,
          staticSeen: window.__staticSeen,
          mounted: window.__mounted,
          appTop: document.getElementById('event-panel-heading')?.getBoundingClientRect().top,
          appScroll: window.scrollY,
          cls,
          shifts: window.__shifts.length,
        };
      }),
    );
  } catch (error) {
    run.failed = String(error.message).split('\n')[0];
  }
  await context.close();
  return run;
}

async function takeover(browser, base) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    process.stderr.write(`app takeover on the event page, run ${i + 1} of 3\n`);
    runs.push(await takeoverOnce(browser, base));
  }
  const ok = runs.filter((r) => !r.failed);
  if (!ok.length) return { failed: runs[0].failed };
  const mid = (key) => median(ok.map((r) => r[key]));
  return {
    runs: ok.length,
    staticTop: mid('staticTop'),
    appTop: mid('appTop'),
    appScroll: mid('appScroll'),
    staticSeen: mid('staticSeen'),
    mounted: mid('mounted'),
    cls: mid('cls'),
    clsWorst: Math.max(...ok.map((r) => r.cls)),
    shifts: mid('shifts'),
    each: runs,
  };
}

const px = (x) => (x === undefined ? '–' : `${Math.round(x)} px`);
const signed = (x) => (x > 0 ? `+${x}` : x < 0 ? `−${-x}` : '0');

function readableTable(results, change) {
  const fastest = Math.min(...results.map((r) => r.median ?? Infinity));
  const rows = [
    '| page | first event readable, median (best – worst) | title on screen | first claim on screen | vs the fastest |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const time = (x) => (x === Infinity ? 'never' : ms(x));
    const figure = r.median === undefined || r.median === Infinity ? `not readable within ${LIMIT_MS / 1000} s` : `${ms(r.median)} (${time(r.best)} – ${time(r.worst)})`;
    const never = r.never && r.median !== undefined ? `, ${r.never} of ${r.runs.length} runs never` : '';
    const vs = r.median === undefined || r.median === Infinity ? '–' : `${(r.median / fastest).toFixed(1)}×`;
    rows.push(`| ${r.page} | ${figure}${never} | ${ms(r.title)} | ${ms(r.claim)} | ${vs} |`);
  }
  const lines = [rows.join('\n'), ''];
  if (change.failed) lines.push(`When the app takes over sourceline's event page: not measured (${change.failed}).`);
  else {
    lines.push(
      `When the app takes over sourceline's event page, asked for as soon as the page has loaded (median of ${change.runs} throttled loads): the written page, the app's first screen, is drawn at ${ms(change.staticSeen)} and the app replaces it at ${ms(change.mounted)}; ` +
        `the event's title moves from ${px(change.staticTop)} to ${px(change.appTop)} from the top of the viewport (${signed(Math.round(change.appTop) - Math.round(change.staticTop))} px` +
        `${change.appScroll ? `; the page is scrolled ${px(change.appScroll)} down to it` : ''}), ` +
        `and the Cumulative Layout Shift over the load is ${change.cls.toFixed(3)} (worst ${change.clsWorst.toFixed(3)}; ${change.shifts} layout-shift entries). ` +
        (change.cls < 0.01
          ? 'Layout shift counts only elements that stay in the page and move, not content replaced by other content nor scrolling, so it does not see the static page giving way to the app.'
          : ''),
    );
  }
  return lines.join('\n');
}

/**
 * A static server for the "first event readable" figure that compresses as a static host would
 * (gzip, level 6, when the browser accepts it), since on a slow connection the bytes on the wire
 * are the figure. The other figures keep the plain server they were measured with.
 */
async function gzipServer(root) {
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.wasm': 'application/wasm',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.webmanifest': 'application/manifest+json',
  };
  const top = resolvePath(root);
  const cache = new Map();
  const server = createHttpServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = resolvePath(top, `.${normalize(path)}`);
    if (file !== top && !file.startsWith(top + sep)) file = top;
    try {
      if (statSync(file).isDirectory()) file = `${file}${sep}index.html`;
      const body = readFileSync(file);
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        if (!cache.has(file)) cache.set(file, gzipSync(body, { level: 6 }));
        response.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': cache.get(file).length });
        response.end(cache.get(file));
      } else {
        response.writeHead(200, { ...headers, 'content-length': body.length });
        response.end(body);
      }
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

const ms = (x) => (x === undefined ? '–' : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const kb = (x) => (x === undefined ? '–' : `${(x / 1024).toFixed(0)} KB`);

function ratio(ours, theirs, key) {
  const [a, b] = [key(ours), key(theirs)];
  if (a === undefined) return '';
  if (b === undefined) return theirs.failed ? ' (they: none in 60 s)' : '';
  return ` (${(b / a).toFixed(1)}×)`;
}

function table(results) {
  const rows = [
    '| events | tool | first load (gzip; before the first event) | first event drawn, painted (after the data arrived; answering) | longest task before it; while reading (from the data to 1 s after answering) | zoom step, median / worst | pan step, median / worst | search key to list | elements |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const n of ['palmyra', ...SIZES]) {
    const ours = results.find((r) => r.tool === 'sourceline' && r.n === n);
    for (const r of results.filter((r) => r.n === n)) {
      const label = n === 'palmyra' ? 'Palmyra (13)' : n.toLocaleString('en');
      if (r.failed && r.firstDrawn === undefined) {
        rows.push(`| ${label} | ${r.tool} | – | ${r.failed} | – | – | – | – | – |`);
        continue;
      }
      const vs = (key) => (r.tool.startsWith('sourceline') || !ours ? '' : ratio(ours, r, key));
      rows.push(
        `| ${label} | ${r.tool} | ${kb(r.transfer)}${r.beforeFirst !== undefined && r.beforeFirst < r.transfer * 0.9 ? ` (${kb(r.beforeFirst)})` : ''}${vs((x) => x.transfer)} | ` +
          `${ms(r.firstDrawn)}${r.firstPainted === undefined ? '' : `, ${ms(r.firstPainted)}`}${r.dataArrived === undefined ? '' : ` (${ms(r.firstDrawn - r.dataArrived)})`}${r.ready !== undefined && r.ready - r.firstDrawn > 50 ? `; answering at ${ms(r.ready)}${r.beforeReady === undefined ? '' : ` (${kb(r.beforeReady)})`}` : ''}${vs((x) => x.firstDrawn)} | ${ms(r.longestTask)}${r.longestReading === undefined ? '' : `; ${ms(r.longestReading)} while reading`} | ` +
          `${r.zoom ? `${ms(r.zoom.median)} / ${ms(r.zoom.worst)}${vs((x) => x.zoom?.median)}` : r.failed ?? '–'} | ${ms(r.pan?.median)} / ${ms(r.pan?.worst)}${vs((x) => x.pan?.median)} | ` +
          `${r.search ? `${ms(r.search.median)} / ${ms(r.search.worst)}` : '–'} | ${r.domAfter ?? r.dom ?? '–'} |`,
      );
    }
  }
  return rows.join('\n');
}

function plot(results) {
  const [w, h, left, bottom, top, right] = [640, 370, 70, 50, 36, 150];
  const xs = SIZES.map((n) => Math.log10(n));
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const yMax = Math.log10(LIMIT_MS);
  const yMin = 1;
  const px = (n) => left + ((Math.log10(n) - xMin) / (xMax - xMin || 1)) * (w - left - right);
  const py = (t) => h - bottom - ((Math.log10(Math.max(t, 10)) - yMin) / (yMax - yMin)) * (h - bottom - top);
  const colours = { sourceline: '#1f4e8c', 'sourceline, built': '#3a9d5d', 'vis-timeline': '#b35c00', TimelineJS: '#6a3d9a' };
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    `<text x="${left}" y="14" font-weight="600">Time to first event drawn (log scale); a cross: nothing within 60 s</text>`,
  ];
  for (const t of [10, 100, 1000, 10000, 60000]) {
    parts.push(`<line x1="${left}" x2="${w - right}" y1="${py(t)}" y2="${py(t)}" stroke="#ddd"/><text x="${left - 6}" y="${py(t) + 4}" text-anchor="end">${t >= 1000 ? `${t / 1000} s` : `${t} ms`}</text>`);
  }
  for (const n of SIZES) parts.push(`<text x="${px(n)}" y="${h - bottom + 18}" text-anchor="middle">${n.toLocaleString('en')}</text>`);
  parts.push(`<text x="${(left + w - right) / 2}" y="${h - 12}" text-anchor="middle">events</text>`);
  Object.entries(colours).forEach(([tool, colour], i) => {
    const points = SIZES.map((n) => results.find((r) => r.tool === tool && r.n === n)).filter(Boolean);
    const drawn = points.filter((r) => r.firstDrawn !== undefined);
    if (drawn.length > 1) parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${drawn.map((r) => `${px(r.n)},${py(r.firstDrawn)}`).join(' ')}"/>`);
    for (const r of points) {
      if (r.firstDrawn !== undefined) parts.push(`<circle cx="${px(r.n)}" cy="${py(r.firstDrawn)}" r="4" fill="${colour}"/>`);
      else parts.push(`<text x="${px(r.n) + (i - 1) * 12}" y="${py(LIMIT_MS) + 5}" text-anchor="middle" fill="${colour}" font-size="16">×</text>`);
    }
    parts.push(`<rect x="${w - right + 15}" y="${top + 10 + i * 20}" width="12" height="12" fill="${colour}"/><text x="${w - right + 32}" y="${top + 21 + i * 20}">${tool}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/**
 * Writes `body` into README.md between the `name` markers, its prose wrapped at 100 columns like
 * the rest of the file and its tables as they are; the first time, the markers go right after
 * the marker `after`.
 */
function writeSection(name, after, body) {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  let readme = readFileSync('README.md', 'utf8');
  if (!readme.includes(begin)) {
    const at = readme.indexOf(after);
    if (at < 0) throw new Error(`README.md has no ${after} marker`);
    readme = `${readme.slice(0, at + after.length)}\n\n${begin}\n${end}${readme.slice(at + after.length)}`;
  }
  const [at, until] = [readme.indexOf(begin), readme.indexOf(end)];
  if (until < at) throw new Error(`README.md has its ${name} markers the wrong way round`);
  const wrap = (paragraph) =>
    paragraph.startsWith('|')
      ? paragraph
      : paragraph.split(' ').reduce((lines, word) => {
          const last = lines[lines.length - 1];
          if (last === undefined || `${last} ${word}`.length > 100) lines.push(word);
          else lines[lines.length - 1] = `${last} ${word}`;
          return lines;
        }, []).join('\n');
  const wrapped = body.split('\n\n').map(wrap).join('\n\n');
  writeFileSync('README.md', `${readme.slice(0, at + begin.length)}\n${wrapped}\n${readme.slice(until)}`);
}

/**
 * Writes the "first event readable" table and how it was measured into README.md, between the
 * bench-readable markers, which first go right after the bench section's end.
 */
function writeReadableSection(text, machine) {
  const body =
    `**First event readable.** How long someone who follows a link to one event waits before they can read it: from navigation ` +
    `start to the first frame in which the event "Syrian forces recapture Palmyra" of the bundled dataset shows both its title and ` +
    `its first claim's text on screen (rendered, not hidden, wholly inside the 1280×800 viewport and any scrolling or clipping ` +
    `container, not covered), checked every animation frame; for the old link, from the start of its first navigation, through ` +
    `the index, whose script sends the reader on, to the event's page. The connection is throttled by Chromium's network emulation to ` +
    `${(THROTTLE.downloadThroughput * 8) / 1e6} Mbit/s down, ${(THROTTLE.uploadThroughput * 8) / 1e6} Mbit/s up and ${THROTTLE.latency} ms ` +
    `round trip, files are served gzip-compressed, and each load starts cold (fresh browser context, no cache, no service worker); ` +
    `the figure is the median of ${READABLE_RUNS} loads. vis-timeline (\`bench/vis-palmyra.html\`: one item per event, the event ` +
    `selected and centred, its claims in a section under the timeline) and TimelineJS (\`bench/timelinejs-palmyra.html\`: one slide ` +
    `per event with its summary and claims, opened on it by its hash bookmark) get the same events, converted from ` +
    `\`data/palmyra.json\` when the benchmark runs, with each date reduced to its earliest day. ` +
    `\`node bench/run.mjs --readable --readme\` measures and writes only this part.\n\n` +
    `${text}\n\nMeasured on ${machine}.`;
  writeSection('bench-readable', '<!-- bench:end -->', body);
}

/**
 * Writes Lighthouse's table and how it was measured into README.md, between the
 * bench-lighthouse markers, which first go right after the bench-readable section.
 */
function writeLighthouseSection(results, text, machine) {
  const body =
    `**Lighthouse, mobile.** Lighthouse's own figures for the event "Syrian forces recapture Palmyra", with its default mobile ` +
    `settings, on sourceline's static event page and on TimelineJS's and vis-timeline's pages of the same events (the pages of ` +
    `"first event readable" above). ${lighthouseMethod(results)} \`node bench/run.mjs --lighthouse --readme\` measures and writes ` +
    `only this part.\n\n${text}\n\nMeasured on ${machine}.`;
  writeSection('bench-lighthouse', '<!-- bench-readable:end -->', body);
}

async function main() {
  if (process.argv.includes('--replot')) {
    // Redraw the plot from the last run's numbers, without measuring again.
    writeFileSync('docs/bench-first-event.svg', plot(JSON.parse(readFileSync('target/bench/results.json', 'utf8'))));
    return;
  }
  // --readable and --lighthouse measure dist/ as it is; the whole benchmark builds it first.
  if (!PARTIAL) execFileSync('./x', ['build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  buildSite({ synthetic: !PARTIAL });
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', SITE], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  for (let tries = 0; ; tries++) {
    const up = await fetch(base).then((r) => r.ok, () => false);
    if (up) break;
    if (tries > 100) throw new Error('the static server did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  const gzipped = await gzipServer(SITE);
  let readables;
  let change;
  let lighthouses;
  try {
    if (!PARTIAL) {
      for (const n of ['palmyra', ...SIZES]) {
        for (const tool of n === 'palmyra' ? ['sourceline'] : Object.keys(TOOLS)) {
          if (ONLY_TOOLS && !ONLY_TOOLS.includes(tool)) continue;
          if (tool === 'sourceline' && n !== 'palmyra' && statSync(`${SITE}/sourceline/data/synthetic-${n}.json`).size > MAX_DATASET_BYTES) {
            results.push({ tool, n, failed: `not opened from a link: over the app's ${MAX_DATASET_BYTES / 2 ** 20} MB cap (a built site reads it)` });
            continue;
          }
          process.stderr.write(`measuring ${tool} at ${n}\n`);
          results.push(await measureLoads(browser, base, tool, n));
        }
      }
    }
    if (RUN_READABLE) {
      readables = await readable(browser, gzipped.base);
      change = await takeover(browser, gzipped.base);
    }
    // Lighthouse starts a Chromium of its own for each run, while this one waits with no page.
    if (RUN_LIGHTHOUSE) lighthouses = await lighthouseRuns(gzipped.base, LIGHTHOUSE_PAGES, freePort);
  } finally {
    await browser.close();
    server.kill();
    gzipped.server.close();
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const when = new Date().toISOString().slice(0, 10);
  const machine = `${when}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium headless`;
  if (ONLY_TOOLS) {
    console.log(table(results));
    return;
  }
  mkdirSync('target/bench', { recursive: true });
  let lighthouseText;
  if (lighthouses) {
    lighthouseText = lighthouseTable(lighthouses);
    writeFileSync('target/bench/lighthouse.json', JSON.stringify(lighthouses, null, 2));
    const away = [...new Set(lighthouses.flatMap((r) => r.elsewhere))];
    if (away.length) process.stderr.write(`warning: pages asked Lighthouse for other hosts (not served): ${away.join(', ')}\n`);
    if (README) writeLighthouseSection(lighthouses, lighthouseText, machine);
  }
  if (!RUN_READABLE) {
    console.log(lighthouseText);
    console.log(`\n${lighthouseMethod(lighthouses)}\n\nMeasured ${machine}.`);
    return;
  }
  const readableText = readableTable(readables, change);
  writeFileSync('target/bench/readable.json', JSON.stringify({ readables, change }, null, 2));
  const leaked = [...new Set(readables.flatMap((r) => r.elsewhere))];
  if (leaked.length) process.stderr.write(`warning: pages asked for other hosts (not served): ${leaked.join(', ')}\n`);
  if (README) writeReadableSection(readableText, machine);
  if (ONLY_READABLE) {
    console.log(readableText);
    if (lighthouseText) console.log(`\nLighthouse, mobile:\n\n${lighthouseText}`);
    console.log(`\nMeasured ${machine}.`);
    return;
  }
  const text = table(results);
  console.log(text);
  console.log(`\nMeasured ${machine}. Ratios are the competitor's figure over sourceline's.`);
  console.log(`\nFirst event readable, on a throttled connection:\n\n${readableText}`);
  console.log(`\nLighthouse, mobile:\n\n${lighthouseText}`);
  mkdirSync('target/bench', { recursive: true });
  writeFileSync('target/bench/results.json', JSON.stringify(results, null, 2));
  writeFileSync('target/bench/first-event.svg', plot(results));
  if (README) {
    writeFileSync('docs/bench-first-event.svg', plot(results));
    const begin = '<!-- bench:begin -->';
    const end = '<!-- bench:end -->';
    const readme = readFileSync('README.md', 'utf8');
    const [at, until] = [readme.indexOf(begin), readme.indexOf(end)];
    if (at < 0 || until < at) throw new Error('README.md has no bench markers');
    const body = `${text}\n\nMeasured by \`./x bench\` on ${machine}. Ratios in brackets are the competitor's figure over sourceline's (above 1: sourceline is faster or smaller).\n\n![Time to first event drawn against the number of events](docs/bench-first-event.svg)`;
    writeFileSync('README.md', `${readme.slice(0, at + begin.length)}\n${body}\n${readme.slice(until)}`);
  }
}

await main();
