// The benchmark: sourceline against vis-timeline and TimelineJS, in one run, in headless
// Chromium, on the same generated events at several sizes. Run it with `./x bench`.
//
// For each tool and size it measures: what the first load transfers (gzip, level 6, as a
// static host would serve it), the time from navigation to the first event drawn, one zoom
// step and one pan step to the next paint (median and worst of several), for sourceline the
// time from a keystroke in search to the updated list, and how many elements the page holds.
// A tool that draws nothing within 60 s is reported as such. Prints a table with ratios and
// writes an SVG plot; with --readme, also writes both into README.md.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';

import os from 'node:os';

const SIZES = (process.env.BENCH_SIZES ?? '100,10000,100000').split(',').map(Number);
const LIMIT_MS = 60_000;
const STEPS = 9;
const SITE = 'target/bench-site';
const README = process.argv.includes('--readme');

function generate(events, format, file) {
  const json = execFileSync('cargo', ['run', '--quiet', '--locked', '--release', '--bin', 'generate', '--', String(events), '1', '--as', format], {
    maxBuffer: 1 << 30,
  });
  writeFileSync(file, json);
}

function buildSite() {
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
  for (const n of SIZES) {
    process.stderr.write(`generating ${n} events\n`);
    generate(n, 'sourceline', `${SITE}/sourceline/data/synthetic-${n}.json`);
    generate(n, 'vis', `${SITE}/vis/data-${n}.json`);
    generate(n, 'timelinejs', `${SITE}/timelinejs/data-${n}.json`);
  }
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
const TOOLS = {
  sourceline: {
    url: (n) => (n === 'palmyra' ? 'sourceline/' : `sourceline/?data=data/synthetic-${n}.json`),
    drawn: '.mark',
    zoom: () => document.querySelector('.zoom button').click(),
    pan: () => document.querySelector('.timeline-area').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })),
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

async function measure(browser, base, tool, n) {
  const spec = TOOLS[tool];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // What the page asked for; sizes are read from the served files, gzip-compressed here as a
  // static host would (the benchmark's plain server sends them uncompressed).
  const requested = new Set();
  page.on('request', (request) => requested.add(request.url()));
  await page.addInitScript((selector) => {
    const watch = () => {
      if (window.__firstDrawn === undefined && document.querySelector(selector)) window.__firstDrawn = performance.now();
    };
    new MutationObserver(watch).observe(document, { childList: true, subtree: true });
  }, spec.drawn);
  const result = { tool, n };
  try {
    await page.goto(base + spec.url(n), { timeout: LIMIT_MS });
    await page.waitForFunction(() => window.__firstDrawn !== undefined, null, { timeout: LIMIT_MS, polling: 50 });
    result.firstDrawn = await page.evaluate(() => window.__firstDrawn);
    await page.waitForLoadState('networkidle', { timeout: LIMIT_MS }).catch(() => {});
    result.transfer = [...requested]
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
    // When the events themselves had arrived: the first event is drawn this much later.
    result.dataArrived = await page.evaluate(() => {
      const data = performance.getEntriesByType('resource').find((e) => /(synthetic|data)-\d+\.json/.test(e.name));
      return data ? data.responseEnd : undefined;
    });
    result.dom = await page.evaluate(() => document.getElementsByTagName('*').length);
    const zooms = [];
    const pans = [];
    for (let i = 0; i < STEPS; i++) zooms.push(await toPaint(page, spec.zoom));
    for (let i = 0; i < STEPS; i++) pans.push(await toPaint(page, spec.pan));
    result.zoom = { median: median(zooms), worst: Math.max(...zooms) };
    result.pan = { median: median(pans), worst: Math.max(...pans) };
    result.domAfter = await page.evaluate(() => document.getElementsByTagName('*').length);
    if (tool === 'sourceline') {
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
  await context.close();
  return result;
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
    '| events | tool | first load (gzip) | first event drawn (after the data arrived) | zoom step, median / worst | pan step, median / worst | search key to list | elements |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const n of ['palmyra', ...SIZES]) {
    const ours = results.find((r) => r.tool === 'sourceline' && r.n === n);
    for (const r of results.filter((r) => r.n === n)) {
      const label = n === 'palmyra' ? 'Palmyra (13)' : n.toLocaleString('en');
      if (r.failed && r.firstDrawn === undefined) {
        rows.push(`| ${label} | ${r.tool} | – | ${r.failed} | – | – | – | – |`);
        continue;
      }
      const vs = (key) => (r.tool === 'sourceline' || !ours ? '' : ratio(ours, r, key));
      rows.push(
        `| ${label} | ${r.tool} | ${kb(r.transfer)}${vs((x) => x.transfer)} | ${ms(r.firstDrawn)}${r.dataArrived === undefined ? '' : ` (${ms(r.firstDrawn - r.dataArrived)})`}${vs((x) => x.firstDrawn)} | ` +
          `${ms(r.zoom?.median)} / ${ms(r.zoom?.worst)}${vs((x) => x.zoom?.median)} | ${ms(r.pan?.median)} / ${ms(r.pan?.worst)}${vs((x) => x.pan?.median)} | ` +
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
  const colours = { sourceline: '#1f4e8c', 'vis-timeline': '#b35c00', TimelineJS: '#6a3d9a' };
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

async function main() {
  if (process.argv.includes('--replot')) {
    // Redraw the plot from the last run's numbers, without measuring again.
    writeFileSync('docs/bench-first-event.svg', plot(JSON.parse(readFileSync('target/bench/results.json', 'utf8'))));
    return;
  }
  execFileSync('./x', ['build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  buildSite();
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
  try {
    for (const n of ['palmyra', ...SIZES]) {
      for (const tool of n === 'palmyra' ? ['sourceline'] : Object.keys(TOOLS)) {
        process.stderr.write(`measuring ${tool} at ${n}\n`);
        results.push(await measure(browser, base, tool, n));
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const when = new Date().toISOString().slice(0, 10);
  const machine = `${when}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium headless`;
  const text = table(results);
  console.log(text);
  console.log(`\nMeasured ${machine}. Ratios are the competitor's figure over sourceline's.`);
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
