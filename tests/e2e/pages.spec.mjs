// Content first: every event is a page of its own that reads without JavaScript, previews when
// shared (head metadata, JSON-LD, a 1200×630 image), and becomes the app opened on that event
// when JavaScript runs, online and offline. ./x writes the pages of target/e2e-site for the
// address the tests serve it at, and a second copy from a dataset of markup and script.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { readFileSync } from 'node:fs';
import { appHeading, appOpened, attribution, eventList, guard, panelHeading, readPng, serviceWorkerControls, violations } from './support.mjs';

const dataset = JSON.parse(readFileSync('data/palmyra.json', 'utf8'));
const sourceName = (id) => dataset.sources.find((s) => s.id === id).name;
const HOSTILE = JSON.parse(readFileSync('tests/fixtures/hostile.json', 'utf8'));

/** Holds the app's wasm back until the returned function is called, leaving the page as written. */
async function holdApp(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}


test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every event page shows its title, every originator, quote and relay', async ({ page }) => {
    for (const event of dataset.events) {
      await page.goto(`${event.id}.html`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(event.title);
      const claims = page.getByRole('region', { name: 'Who says so' });
      for (const claim of event.claims) {
        await expect(claims.getByRole('heading', { level: 3, name: sourceName(claim.by), exact: true })).toBeVisible();
        const item = claims.locator(`#claim-${claim.id}`);
        await expect(item).toContainText(claim.text);
        if (claim.quote) await expect(item.locator('blockquote')).toHaveText(claim.quote);
        const chain = item.getByRole('list', { name: 'Relay chain' });
        for (const relay of claim.via ?? []) await expect(chain.getByRole('listitem').filter({ hasText: sourceName(relay) })).toHaveCount(1);
      }
    }
  });

  test('the index lists every event, each link opens its page, and pages link to their neighbours', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title);
    const list = page.getByRole('navigation', { name: `${dataset.events.length} events` });
    await expect(list.getByRole('link')).toHaveCount(dataset.events.length);
    for (const event of dataset.events) {
      const link = list.getByRole('link', { name: event.title, exact: true });
      await expect(link).toHaveAttribute('href', `${event.id}.html`);
      expect((await page.request.get(new URL(await link.getAttribute('href'), page.url()).href)).status()).toBe(200);
    }
    // The list is in time order: the last link is the last event, whose page has no next.
    const last = list.getByRole('link').last();
    const title = await last.textContent();
    await last.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const neighbours = page.getByRole('navigation', { name: 'Previous and next events' });
    await expect(neighbours.getByRole('link', { name: /^Next/ })).toHaveCount(0);
    const previous = neighbours.getByRole('link').first();
    await expect(previous).toHaveText(/^Previous: /);
    const before = (await previous.textContent()).replace(/^Previous: /, '').split(', ')[0];
    await previous.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(before);
    await expect(page.getByRole('navigation', { name: 'Previous and next events' }).getByRole('link', { name: new RegExp(`^Next: ${title}`) })).toHaveCount(1);
    await page.getByRole('link', { name: 'The whole timeline' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title);
  });

  test('each page has its own head: title, description, link preview, image and JSON-LD', async ({ page, baseURL }) => {
    const seen = { titles: new Set(), descriptions: new Set(), urls: new Set(), images: new Set() };
    // Read as a crawler does: the HTML as served, no script run, no page drawn.
    const attribute = (html, pattern) => html.match(pattern)?.[1].replaceAll('&amp;', '&').replaceAll('&quot;', '"');
    const metaIn = (html, key) => attribute(html, new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`));
    for (const event of [null, ...dataset.events]) {
      const path = event ? `${event.id}.html` : '';
      const response = await page.request.get(path || './');
      expect(response.status()).toBe(200);
      const html = await response.text();
      const title = attribute(html, /<title>([^<]*)<\/title>/);
      seen.titles.add(title);
      seen.descriptions.add(metaIn(html, 'description'));
      const url = metaIn(html, 'og:url');
      expect(url).toBe(`${baseURL}${path}`);
      expect(attribute(html, /<link rel="canonical" href="([^"]*)"/)).toBe(url);
      seen.urls.add(url);
      const image = metaIn(html, 'og:image');
      expect(image.startsWith(baseURL)).toBe(true);
      seen.images.add(image);
      expect(metaIn(html, 'og:image:alt')).toMatch(/^Preview of “/);
      expect(metaIn(html, 'twitter:card')).toBe('summary_large_image');
      const png = readPng(await (await page.request.get(image)).body());
      expect([png.width, png.height]).toEqual([1200, 630]);
      const ld = JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)[1]);
      expect(ld['@type']).toBe('WebPage');
      expect(ld.url).toBe(url);
      if (!event) continue;
      expect(title).toBe(`${event.title} · sourceline`);
      expect(ld.about.name).toBe(event.title);
      expect(ld.hasPart.map((c) => [c.identifier, c.author.name])).toEqual(
        expect.arrayContaining(event.claims.map((c) => [c.id, sourceName(c.by)])),
      );
      expect(ld.hasPart).toHaveLength(event.claims.length);
    }
    const pages = dataset.events.length + 1;
    expect([seen.titles.size, seen.descriptions.size, seen.urls.size, seen.images.size]).toEqual([pages, pages, pages, pages]);
  });

  test('markup and script in every field of a dataset show as text and run nothing', async ({ page }) => {
    const event = HOSTILE.events[0];
    await page.goto('hostile-site/ev.html');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(event.title);
    await expect(page.locator('#page blockquote')).toHaveText(event.claims[0].quote);
    await expect(page.locator('#page .dataset-title')).toHaveText(HOSTILE.title);
    await expect(page.locator('img')).toHaveCount(0);
    await expect(page).toHaveTitle(`${event.title} · sourceline`);
    await page.goto('hostile-site/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE.title);
    await expect(page.locator('img')).toHaveCount(0);
  });
});

test("every event's written page says what the app's panels say about it, word for word", async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Start with the first event' }).click();
  const total = dataset.events.length;
  const seen = new Set();
  for (let at = 0; at < total; at += 1) {
    // The app, stepped to the event (in time order), and its page as the build wrote it (not
    // through the app).
    await expect(page.locator('.event-panel .position')).toHaveText(`Event ${at + 1} of ${total}`);
    const id = new URL(page.url()).pathname.split('/').pop().replace(/\.html$/, '');
    const event = dataset.events.find((e) => e.id === id);
    await expect(panelHeading(page)).toHaveText(event.title);
    seen.add(id);
    const written = await (await page.request.get(page.url())).text();
    // What the two panels say, as words: their text with every run of white space made one
    // space, leaving out only the ways to copy or follow a link to it (buttons in the app, a
    // link on the written page).
    const [app, page_] = await page.evaluate((html) => {
      const said = (root) =>
        ['.event-panel', '.attribution-panel'].map((selector) => {
          const panel = root.querySelector(selector).cloneNode(true);
          for (const control of panel.querySelectorAll('.copy-link, .claim-link')) control.remove();
          return panel.textContent.replace(/\s+/g, ' ').trim();
        });
      return [said(document), said(new DOMParser().parseFromString(html, 'text/html'))];
    }, written);
    expect(page_[0]).toContain(event.title);
    expect(page_[1]).toContain(event.claims[0].text);
    expect(page_, event.id).toEqual(app);
    if (at + 1 < total) await page.getByRole('button', { name: 'Next event' }).click();
  }
  expect(seen.size).toBe(total);
});

test('axe-core finds no violation on the index and the event pages, light or dark', async ({ page }) => {
  await page.route(/\/(sourceline-[^/]*|register-sw\.js)$/, (route) => route.abort());
  // axe-core runs as script in the page, and its timers do not run with JavaScript off; so it
  // checks with JavaScript on and the app's code never served, which leaves the page as written.
  // Every event's page is one frame around the app's own panels: the index, and pages with and
  // without a place, quotes, relays and disputes. As a reader whose browser runs scripts sees
  // it, the app's first screen (on the index and one event's page: it is the app's own markup,
  // which accessibility.spec checks in the app), then as one whose browser runs none does, the
  // page's own content (shown once the first screen is gone).
  // The first screen once (the app's own markup, which accessibility.spec checks in the app:
  // here, that its two copies' ids and names hold), the page's content on each; the dark
  // scheme, whose colours are all that differ, on one page.
  const checks = {
    './': { 'first screen': ['light'], page: ['light'] },
    'civil-war.html': { page: ['light'] },
    'palmyra-recaptured.html': { page: ['light', 'dark'] },
    'sdf-cedes-villages.html': { page: ['light'] },
  };
  for (const [path, shown] of Object.entries(checks)) {
    await page.goto(path);
    await expect(page.locator('.first-screen').locator('visible=true')).toHaveCount(1);
    await expect(page.locator('#page')).toBeHidden();
    for (const [what, schemes] of Object.entries(shown)) {
      if (what === 'page') await page.evaluate(() => document.querySelectorAll('.first-screen').forEach((screen) => screen.remove()));
      for (const scheme of schemes) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await violations(page), `${path}, ${what} (${scheme})`).toEqual([]);
      }
    }
  }
});

test('the sitemap lists every page by its absolute address', async ({ page, baseURL }) => {
  const xml = await (await page.request.get('sitemap.xml')).text();
  const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  expect(locs[0]).toBe(baseURL);
  expect(locs.slice(1).sort()).toEqual(dataset.events.map((e) => `${baseURL}${e.id}.html`).sort());
  for (const loc of locs) expect((await page.request.get(loc)).status()).toBe(200);
});

test('with JavaScript, an event page becomes the app on that event; moving gives real pages', async ({ page, baseURL }) => {
  await page.goto('palmyra-recaptured.html');
  await expect(appHeading(page)).toBeVisible();
  await expect(panelHeading(page)).toHaveText('Syrian forces recapture Palmyra');
  await expect(attribution(page)).toContainText('3 originators support this');
  await expect(page.locator('#page')).toHaveCount(0);
  await eventList(page).getByRole('button', { name: /IS retakes Palmyra/ }).click();
  await expect(page).toHaveURL(/\/is-retakes-palmyra\.html$/);
  await expect(page).toHaveTitle('IS retakes Palmyra · sourceline');
  // What a browser's share button sends follows too.
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', `${baseURL}is-retakes-palmyra.html`);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', `${baseURL}is-retakes-palmyra.html`);
  await page.goBack();
  await expect(page).toHaveURL(/\/palmyra-recaptured\.html$/);
  await expect(panelHeading(page)).toHaveText('Syrian forces recapture Palmyra');
  await page.goForward();
  await expect(panelHeading(page)).toHaveText('IS retakes Palmyra');
  // A reload asks the server for that page, which exists.
  const reload = await page.reload();
  expect(reload.status()).toBe(200);
  await expect(panelHeading(page)).toHaveText('IS retakes Palmyra');
  // The old form of link still opens the event, and the address becomes its page.
  await page.goto('./?event=palmyra-recaptured&claim=army');
  await expect(page.locator('.claim.highlighted')).toContainText('regained control');
  await expect(page).toHaveURL(/\/palmyra-recaptured\.html\?claim=army$/);
});

test('on a host that serves pages without .html, the app still opens the event', async ({ page, baseURL }) => {
  // Some hosts redirect `palmyra-recaptured.html` to `palmyra-recaptured`: served so here.
  const html = await (await page.request.get('palmyra-recaptured.html')).text();
  await page.route(`${baseURL}palmyra-recaptured`, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  await page.goto('palmyra-recaptured');
  await expect(appHeading(page)).toBeVisible();
  await expect(panelHeading(page)).toHaveText('Syrian forces recapture Palmyra');
});

test('with JavaScript, pages of markup and script run nothing', async ({ browser, baseURL }) => {
  // One page: every page's escaping is native (site::tests, markup_and_script_in_every_field_stay_text).
  for (const path of ['hostile-site/ev.html']) {
    // A fresh reader each time, with no service worker, so that the app can be held back.
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    const check = guard(page, context, baseURL);
    // The page as written, with script on and the app held back: the app never shows these
    // texts (its dataset is the bundled one), so this is where they must stay text.
    const release = await holdApp(page);
    await page.goto(path);
    await expect(page.locator('#page')).toContainText('</script><script>window.canary=1</script>');
    await check();
    release();
    await page.evaluate(() => document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
    await appOpened(page);
    await expect(appHeading(page)).toBeVisible();
    await check();
    await context.close();
  }
});

test('after one visit, an event page opens offline on that event, even one never visited', async ({ page, context }) => {
  await page.goto('./');
  await expect(appHeading(page)).toBeVisible();
  await serviceWorkerControls(page);
  await context.setOffline(true);
  await page.goto('is-seizes-palmyra.html');
  await expect(panelHeading(page)).toHaveText('IS seizes Palmyra for the first time');
  await page.goto('palmyra-recaptured.html?claim=army');
  await expect(page.locator('.claim.highlighted')).toContainText('regained control');
  await eventList(page).getByRole('button', { name: /IS retakes Palmyra/ }).click();
  await page.reload();
  await expect(panelHeading(page)).toHaveText('IS retakes Palmyra');
  await page.goBack();
  await expect(panelHeading(page)).toHaveText('Syrian forces recapture Palmyra');
  await context.setOffline(false);
});
