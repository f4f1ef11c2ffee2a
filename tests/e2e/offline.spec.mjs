// Offline after one visit, updates without mixed versions, and no request to any other origin.
// Each test deploys its own copy of the release build under a sub-path of its own, so service
// workers and caches of different tests, or of one test run twice at once, never meet.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { appHeading, eventList, matchCount, panelHeading, searchbox, serviceWorkerControls, views } from './support.mjs';

const SITE = 'target/e2e-site';
const BUILD = `${SITE}/some/sub/path`;

// What ./x (e2e_site) and other tests put beside the build, which a deploy of it does not hold:
// other sites, and datasets as large as 51 MB. A copy with them would precache them all.
const NOT_THE_BUILD = new Set(['built', 'data', 'hostile', 'hostile-site']);

/**
 * A copy of the build alone at /NAME-PROJECT-REPEAT/, so that runs of one test in parallel never
 * share one.
 */
function deploy(name) {
  const { project, repeatEachIndex } = test.info();
  name = `${name}-${project.name}-${repeatEachIndex}`;
  const dir = `${SITE}/${name}`;
  rmSync(dir, { recursive: true, force: true });
  const top = (src) => relative(BUILD, src).split(sep)[0];
  cpSync(BUILD, dir, { recursive: true, filter: (src) => !NOT_THE_BUILD.has(top(src)) });
  return { dir, url: (rest = '') => `/${name}/${rest}` };
}

test('after one visit, deep links open with the network off', async ({ page, context }) => {
  const site = deploy('offline');
  await page.goto(site.url('?event=is-seizes-palmyra'));
  await expect(panelHeading(page)).toHaveText('IS seizes Palmyra for the first time');
  await serviceWorkerControls(page);
  await context.setOffline(true);
  await page.goto(site.url('?event=palmyra-recaptured&claim=army'));
  await expect(panelHeading(page)).toHaveText('Syrian forces recapture Palmyra');
  await expect(page.locator('.claim.highlighted')).toContainText('regained control');
  await page.reload();
  await expect(page.locator('.claim.highlighted')).toContainText('regained control');
  await context.setOffline(false);
});

test('after one visit, a large site opens whole with the network off, from its tiles', async ({ page, context }) => {
  const { project, repeatEachIndex } = test.info();
  const name = `offline-large-${project.name}-${repeatEachIndex}`;
  const dir = `${SITE}/${name}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(`${BUILD}/built/large`, dir, { recursive: true });
  await page.goto(`/${name}/e4242.html`);
  await expect(matchCount(page)).toHaveText('All 6000 events');
  await serviceWorkerControls(page);
  // The install keeps the three tiles, taken from the HTTP cache where it holds them.
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).filter((r) => r.url.includes('/_tiles/')).length))
    .toBe(3);
  await context.setOffline(true);
  await page.goto(`/${name}/`);
  await expect(matchCount(page)).toHaveText('All 6000 events');
  await page.goto(`/${name}/e17.html`);
  await expect(panelHeading(page)).toHaveText(/^Event 17: /);
  await context.setOffline(false);
});

test('the dataset reader is cached when first used, not by the first visit; then a file opens offline', async ({ page, context }) => {
  const site = deploy('reader');
  await page.goto(site.url());
  await serviceWorkerControls(page);
  const cachedReader = () =>
    page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.keys()).map((r) => new URL(r.url).pathname.split('/').pop()).filter((f) => f.startsWith('reader')).sort();
    });
  expect(await cachedReader()).toEqual([]);
  const file = { name: 'small.json', mimeType: 'application/json', buffer: readFileSync('tests/fixtures/small.json') };
  await page.getByLabel('Open a dataset file…').setInputFiles(file);
  await expect(page.getByRole('region', { name: 'About this dataset' })).toContainText('read in this browser only');
  expect(await cachedReader()).toEqual(['reader.js', 'reader_bg.wasm', 'reader_loader.js']);
  await context.setOffline(true);
  await page.goto(site.url());
  await expect(appHeading(page)).toBeVisible();
  await page.getByLabel('Open a dataset file…').setInputFiles(file);
  await expect(page.getByRole('region', { name: 'About this dataset' })).toContainText('read in this browser only');
  await context.setOffline(false);
});

test('a new deploy is offered, and applied whole when the reader accepts', async ({ page }) => {
  const site = deploy('update');
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url('?event=aleppo'));
  await serviceWorkerControls(page);
  const firstCaches = await page.evaluate(() => caches.keys());
  expect(firstCaches).toHaveLength(1);

  // Deploy a changed build: a marker in index.html, and the service worker rebuilt for it.
  // The event's page it is on now, and the shell that answers for it, change with the rest.
  for (const file of readdirSync(site.dir).filter((f) => f.endsWith('.html'))) {
    const page = `${site.dir}/${file}`;
    writeFileSync(page, readFileSync(page, 'utf8').replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta name="deploy" content="second">'));
  }
  execFileSync('node', ['scripts/post-build.mjs', site.dir, '--no-site']);
  // A real deploy comes later than the first visit. The server's Last-Modified has whole-second
  // resolution, so without this a deploy within the same second would look unchanged.
  const later = new Date(Date.now() + 60_000);
  for (const file of readdirSync(site.dir).filter((f) => f.endsWith('.html') || f === 'sw.js')) utimesSync(`${site.dir}/${file}`, later, later);

  await page.reload();
  const banner = page.getByRole('region', { name: 'Update available' });
  // The new worker downloads the whole build before it is offered.
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner.getByRole('status')).toHaveText('A new version of sourceline is ready.');
  // Until the reader accepts, the page and its cache are all of the first build.
  await expect(page.locator('meta[name=deploy]')).toHaveCount(0);
  await expect(panelHeading(page)).toHaveText('Government forces push rebels out of Aleppo');

  await banner.getByRole('button', { name: 'Update now' }).click();
  await expect(page.locator('meta[name=deploy]')).toHaveAttribute('content', 'second');
  await expect(panelHeading(page)).toHaveText('Government forces push rebels out of Aleppo');
  const caches = await page.evaluate(() => caches.keys());
  expect(caches).toHaveLength(1);
  expect(caches[0]).not.toBe(firstCaches[0]);
  await expect(banner).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a whole session requests nothing from another origin, and nothing fails', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  const failures = [];
  context.on('request', (r) => requests.push(r.url()));
  // A request the browser abandons because the test navigates away (the favicon, typically)
  // is not a failure of the app.
  context.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && failures.push(`${r.url()}: ${r.failure()?.errorText}`));
  context.on('response', (r) => r.status() >= 400 && failures.push(`${r.url()}: HTTP ${r.status()}`));

  await page.goto('./?event=palmyra-recaptured&claim=army');
  await expect(page.locator('.claim.highlighted')).toBeVisible();
  await searchbox(page).fill('mines');
  await eventList(page).getByRole('button', { name: /The army clears mines/ }).click();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await views(page).getByRole('button', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
  await page.goBack();
  await page.reload();
  await expect(appHeading(page)).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready);

  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(failures).toEqual([]);
});

test('every text and wasm file of the build has gzip and brotli copies beside it, equal to it', () => {
  // For hosts that serve precompressed files (nginx's gzip_static and brotli_static and others).
  const files = [];
  (function walk(d) {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = `${d}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  })(BUILD);
  // Datasets put beside the app by tests, not by the build, are left out; so are the event
  // pages of a site of more than a thousand (built/large), served as they are
  // (docs/publishing.md).
  const largePage = (f) => /\/built\/large\/[^/]+\.html$/.test(f) && !/\/(index|_shell)\.html$/.test(f);
  const texts = files.filter((f) => /\.(html|js|css|wasm|json|svg|xml|webmanifest)$/.test(f) && !/\/(hostile|data)\//.test(f) && !largePage(f));
  expect(texts.some((f) => f.endsWith('.wasm'))).toBe(true);
  for (const file of texts) {
    const raw = readFileSync(file);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(raw), `${file}.gz`).toBe(true);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(raw), `${file}.br`).toBe(true);
  }
  // Images are compressed already and have none.
  expect(files.filter((f) => /\.png\.(gz|br)$/.test(f))).toEqual([]);
});

test('every inline script of every built site is allowed by its page\'s policy, and nothing else inline', () => {
  // scripts/post-build.mjs hashes them each time it runs, also on a site written again with
  // another dataset, whose index sends old links on with that dataset's ids.
  const sites = [BUILD, `${BUILD}/hostile-site`, ...readdirSync(`${BUILD}/built`).map((name) => `${BUILD}/built/${name}`)];
  let checked = 0;
  for (const site of sites) {
    for (const page of readdirSync(site).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(`${site}/${page}`, 'utf8');
      const allowed = html.match(/script-src 'self' 'wasm-unsafe-eval'([^;"]*)/)[1].trim().split(/\s+/).filter(Boolean).sort();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)]
        .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`)
        .sort();
      expect(allowed, `${site}/${page}`).toEqual(inline);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(3 * 13);
});

test('the stylesheet and scripts ship minified, under the integrity hashes the pages name', () => {
  // scripts/post-build.mjs minifies them after Trunk wrote its hashes, and writes new ones.
  const pages = readdirSync(BUILD).filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(2);
  let named = 0;
  for (const page of pages) {
    const html = readFileSync(`${BUILD}/${page}`, 'utf8');
    for (const [, file, hash] of html.matchAll(/(?:href|src)="\.\/([^"]+)"[^>]*\bintegrity="sha384-([^"]+)"/g)) {
      const actual = createHash('sha384').update(readFileSync(`${BUILD}/${file}`)).digest('base64');
      expect(actual, `${page} names ${file}`).toBe(hash);
      named += 1;
    }
  }
  // The stylesheet, on every page; the app's own files are named by the starter, which fetches
  // them when the reader asks for the app (public/start.js), and carry no hash of their own.
  expect(named).toBeGreaterThanOrEqual(pages.length);
  for (const file of readdirSync(BUILD).filter((f) => /\.(css|js)$/.test(f) && f !== 'sw.js')) {
    const text = readFileSync(`${BUILD}/${file}`, 'utf8');
    expect(text.split('\n').length, `${file} is minified`).toBeLessThan(5);
  }
});
