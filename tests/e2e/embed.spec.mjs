// Embedding: the app's "Embed…" code, pasted into a page of another origin, shows a compact
// view sized to its content; choosing events in it moves the host page's address, Back and
// Forward in the host page move the frame, a host address with an event opens the frame on it,
// and the host page can ask for an event by message (docs/embed.md).
//
// The host page is http://localhost:PORT/host/…, another origin than the app's
// http://127.0.0.1:PORT/…, written by the test with the code the app gave.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openApp, panelHeading } from './support.mjs';

const dataset = JSON.parse(readFileSync('data/palmyra.json', 'utf8'));
const title = (id) => dataset.events.find((e) => e.id === id).title;

/** The code the app's "Embed…" control gives for the view at `path`. */
async function embedCode(page, path) {
  await openApp(page, path);
  await page.getByRole('button', { name: 'Embed…' }).click();
  const code = page.getByRole('textbox', { name: 'Paste this into your page to show this view there' });
  await expect(code).toBeVisible();
  return code.inputValue();
}

/**
 * The code "Embed…" gives for the view at `path` (src/model/embed.rs), written here so that the
 * tests of the frame need not open the app to ask for it: the test of the code holds the two
 * the same.
 */
function codeFor(baseURL, path) {
  const src = new URL(path, baseURL).href.replace('&', '&amp;');
  const joiner = path.includes('?') ? '&amp;' : '?';
  return `<iframe src="${src}${joiner}embed=1" title="${dataset.title} · sourceline" style="width: 100%; height: 640px; border: 0" loading="lazy" data-sourceline></iframe>\n<script src="${new URL('embed.js', baseURL).href}" async></script>`;
}

/**
 * Writes a host page holding `code` beside the served site (target/e2e-site/host/), opens it at
 * http://localhost:PORT/host/…, another origin than the app's, and returns the app's frame.
 * The page comes from the same plain server: Chromium lets a page reach a loopback address only
 * from one (Local Network Access).
 */
async function openHost(page, baseURL, code, fragment = '') {
  const name = `page-${test.info().project.name}-${test.info().title.replace(/[^a-z]+/gi, '-').slice(0, 40)}.html`;
  mkdirSync('target/e2e-site/host', { recursive: true });
  writeFileSync(`target/e2e-site/host/${name}`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A host page</title></head><body><h1>A host page</h1>${code}<p>After the timeline.</p></body></html>`);
  const host = new URL(`/host/${name}`, baseURL);
  host.hostname = 'localhost';
  await page.goto(host.href + fragment);
  const frame = page.frameLocator('iframe[data-sourceline]');
  await expect(frame.getByRole('link', { name: 'Open the full view ↗' })).toBeVisible();
  return frame;
}

const fragmentOf = (page) => new URL(page.url()).hash;

test('the embed code is the current view, with its title as text', async ({ page, baseURL }) => {
  const code = await embedCode(page, 'palmyra-recaptured.html?q=palmyra');
  expect(code).toContain(`<iframe src="${new URL('palmyra-recaptured.html?q=palmyra&amp;embed=1', baseURL).href}"`);
  expect(code).toContain(`title="${dataset.title} · sourceline"`);
  expect(code).toContain(`<script src="${new URL('embed.js', baseURL).href}" async></script>`);
  expect(code).toBe(codeFor(baseURL, 'palmyra-recaptured.html?q=palmyra'));
  await page.getByRole('button', { name: 'Copy embed code' }).click();
});

test('embedded on another origin: compact, sized to its content, and Back in the host page restores the previous event', async ({ page, baseURL }) => {
  const frame = await openHost(page, baseURL, codeFor(baseURL, './'));
  // Compact: the timeline, the event and who says so; no file opener, filters, list or views.
  await expect(frame.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(frame.getByText('Open a dataset file…')).toHaveCount(0);
  await expect(frame.getByRole('searchbox')).toHaveCount(0);
  await expect(frame.getByRole('navigation', { name: 'Views' })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Embed…' })).toHaveCount(0);
  // Nor a link to the list it does not show.
  await expect(frame.getByRole('link', { name: 'Event list' })).toHaveCount(0);
  const full = frame.getByRole('link', { name: 'Open the full view ↗' });
  await expect(full).toHaveAttribute('target', '_blank');
  await expect(full).toHaveAttribute('href', new URL('./', baseURL).href);

  // The host script sizes the frame to what the app reports: its whole content, no inner scroll.
  const app = page.frames().find((f) => f.url().startsWith(new URL('./', baseURL).href));
  await expect.poll(async () => {
    const inner = await app.evaluate(() => document.body.offsetHeight);
    const outer = (await page.locator('iframe[data-sourceline]').boundingBox()).height;
    return Math.abs(inner - outer) <= 1 && inner !== 640;
  }).toBe(true);

  // Choosing events moves the host page's address, an entry each.
  const idOf = async () => {
    const shown = await panelHeading(frame).textContent();
    return dataset.events.find((e) => e.title === shown).id;
  };
  await frame.getByRole('button', { name: /^Start with the first event/ }).click();
  const first = await idOf();
  await expect.poll(() => fragmentOf(page)).toBe(`#sourceline=${first}`);
  await frame.getByRole('button', { name: /^Next event/ }).click();
  await expect(panelHeading(frame)).not.toHaveText(title(first));
  const second = await idOf();
  await expect.poll(() => fragmentOf(page)).toBe(`#sourceline=${second}`);
  // Its full view follows it.
  await expect(full).toHaveAttribute('href', new URL(`${second}.html`, baseURL).href);

  await page.goBack();
  await expect(panelHeading(frame)).toHaveText(title(first));
  expect(fragmentOf(page)).toBe(`#sourceline=${first}`);
  await page.goForward();
  await expect(panelHeading(frame)).toHaveText(title(second));
  await page.goBack();
  await page.goBack();
  await expect(frame.getByText('No event selected.')).toBeVisible();
  expect(fragmentOf(page)).toBe('');
});

test('embedded on another origin, the app raises no error in the host page, even where its worker is refused', async ({ page, baseURL }) => {
  const code = codeFor(baseURL, './');
  // What a news site's error monitoring would see, from the page and from every frame in it.
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()} (${message.location().url})`);
  });
  // The frame's browser refuses it a service worker, as browsers that keep third parties from
  // storage do.
  await page.addInitScript(() => {
    if (window === window.top || !navigator.serviceWorker) return;
    navigator.serviceWorker.register = () => {
      window.__workerRefused = true;
      return Promise.reject(new DOMException('Failed to register a ServiceWorker: refused in a third-party frame.', 'NotSupportedError'));
    };
  });
  const frame = await openHost(page, baseURL, code);
  await frame.getByRole('button', { name: /^Start with the first event/ }).click();
  await expect(panelHeading(frame)).toHaveText(dataset.events[0].title);
  // The registration (made once the frame has loaded) was tried and refused; an unhandled
  // refusal is reported at the end of that task, before the next one answers this evaluation.
  const app = page.frames().find((f) => f.url().startsWith(new URL('./', baseURL).href));
  await app.waitForFunction(() => window.__workerRefused === true);
  await app.evaluate(() => new Promise((next) => setTimeout(next)));
  expect(errors).toEqual([]);
});

test('a host address naming an event opens the frame on it, and the host page can ask for one', async ({ page, baseURL }) => {
  const code = codeFor(baseURL, './');
  const frame = await openHost(page, baseURL, code, '#sourceline=mine-clearing');
  await expect(panelHeading(frame)).toHaveText(title('mine-clearing'));
  const ask = (event) =>
    page.evaluate((event) => document.querySelector('iframe[data-sourceline]').contentWindow.postMessage({ source: 'sourceline-host', type: 'select', event }, '*'), event);
  await ask('aleppo');
  await expect(panelHeading(frame)).toHaveText(title('aleppo'));
  // What the frame shows, as it tells the host page, from here on.
  await page.evaluate(() => {
    window.shown = [];
    addEventListener('message', (e) => e.data?.source === 'sourceline' && window.shown.push(e.data.event));
  });
  // What is not an id of this dataset is ignored: the frame stays on its event (and says so, as
  // its answer), then goes to the next.
  await ask('no-such-event');
  await ask('<img src=x onerror=alert(1)>');
  await ask('palmyra-recaptured');
  await expect(panelHeading(frame)).toHaveText(title('palmyra-recaptured'));
  const shown = await page.evaluate(() => window.shown.filter((e, i, all) => e !== all[i - 1]));
  expect(shown).toEqual(['aleppo', 'palmyra-recaptured']);
  await expect(frame.locator('img')).toHaveCount(0);
});

test('with the frame\'s messages arriving late, quick Back and Forward in the host page still agree with the frame', async ({ page, baseURL }) => {
  const code = codeFor(baseURL, './');
  // The host page hears every message from the frame 300 ms late, in order; `late` counts
  // those still on their way.
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.late = 0;
    const listen = window.addEventListener.bind(window);
    window.addEventListener = (type, listener, options) => {
      if (type !== 'message') return listen(type, listener, options);
      return listen(type, (e) => {
        window.late += 1;
        setTimeout(() => {
          window.late -= 1;
          listener(e);
        }, 300);
      }, options);
    };
  });
  const settled = async () => expect.poll(() => page.evaluate(() => window.late)).toBe(0);
  // An id the dataset lacks: the frame shows what it would, and the address says so.
  const frame = await openHost(page, baseURL, code, '#sourceline=no-such-event');
  await expect(frame.getByText('No event selected.')).toBeVisible();
  await expect.poll(() => fragmentOf(page)).toBe('');
  await settled();
  const entries = await page.evaluate(() => history.length);

  const ids = [];
  const shown = async () => {
    const heading = await panelHeading(frame).textContent();
    return dataset.events.find((e) => e.title === heading).id;
  };
  await frame.getByRole('button', { name: /^Start with the first event/ }).click();
  await expect(panelHeading(frame)).toBeVisible();
  ids.push(await shown());
  await expect.poll(() => fragmentOf(page)).toBe(`#sourceline=${ids[0]}`);
  for (let i = 1; i < 3; i++) {
    await frame.getByRole('button', { name: /^Next event/ }).click();
    await expect(panelHeading(frame)).not.toHaveText(title(ids[i - 1]));
    ids.push(await shown());
    await expect.poll(() => fragmentOf(page)).toBe(`#sourceline=${ids[i]}`);
  }
  await settled();
  expect(await page.evaluate(() => history.length)).toBe(entries + 3);

  // Four steps, each before the frame's answer to the last one has arrived.
  await page.goBack();
  await page.goForward();
  await page.goBack();
  await page.goBack();
  await expect(panelHeading(frame)).toHaveText(title(ids[0]));
  await settled();
  // Every late message heard, nothing moved: no entry added, none cut off ahead.
  await expect(panelHeading(frame)).toHaveText(title(ids[0]));
  expect(fragmentOf(page)).toBe(`#sourceline=${ids[0]}`);
  expect(await page.evaluate(() => history.length)).toBe(entries + 3);
  await page.goForward();
  await page.goForward();
  await expect(panelHeading(frame)).toHaveText(title(ids[2]));
  await settled();
  expect(fragmentOf(page)).toBe(`#sourceline=${ids[2]}`);
});

test('a host script that starts after the frame first spoke still sizes it and opens it on the address\'s event', async ({ page, baseURL }) => {
  const code = codeFor(baseURL, './');
  const script = code.match(/<script src="([^"]+)" async><\/script>/);
  expect(script).not.toBeNull();
  const frame = await openHost(page, baseURL, code.replace(script[0], ''), '#sourceline=mine-clearing');
  // The app has spoken to a page with no script: nothing sized it or opened the event.
  await expect(frame.getByText('No event selected.')).toBeVisible();
  await expect(page.locator('iframe[data-sourceline]')).toHaveCSS('height', '640px');
  await page.evaluate((src) => {
    const late = document.createElement('script');
    late.src = src;
    document.body.append(late);
  }, script[1].replaceAll('&amp;', '&'));
  await expect(panelHeading(frame)).toHaveText(title('mine-clearing'));
  await expect(page.locator('iframe[data-sourceline]')).not.toHaveCSS('height', '640px');
  expect(fragmentOf(page)).toBe('#sourceline=mine-clearing');
});

test('embedded, every link out of the app opens in a new tab', async ({ page, baseURL }) => {
  // A dataset whose document has a web address, beside the served app.
  mkdirSync('target/e2e-site/some/sub/path/hostile', { recursive: true });
  writeFileSync('target/e2e-site/some/sub/path/hostile/embed-links.json', readFileSync('tests/fixtures/hostile.json'));
  await openApp(page, './?data=hostile/embed-links.json&event=ev&embed=1');
  await expect(panelHeading(page)).toBeVisible();
  const links = page.locator('a[href^="http"]');
  await expect(links).not.toHaveCount(0);
  const outside = [];
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('target', '_blank');
    if (!(await link.getAttribute('href')).startsWith(new URL('./', baseURL).href)) outside.push(link);
  }
  expect(outside.length).toBeGreaterThan(0);
});

