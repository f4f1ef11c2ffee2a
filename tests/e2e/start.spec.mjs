// A large built site's first screen (src/model/start.rs): its index draws the events of its
// start file before the whole catalog has arrived, says how far the reading has come, counts
// nothing and answers nothing until then, and then opens the whole app. ./x serves a site of
// 6,000 invented events at built/large/.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { readFileSync } from 'node:fs';
import { matchCount, timeline } from './support.mjs';

// A service worker that takes the page over answers the catalog's request itself, where the
// test cannot hold it back.
test.use({ serviceWorkers: 'block' });

test('a large site draws its first screen before its catalog arrives, then opens the whole app', async ({ page }) => {
  // The catalog's tiles are held back until the first screen is on the page: it is drawn
  // without them.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname.split('/').pop()));
  await page.route('**/built/large/_tiles/*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./built/large/');
  const reading = page.getByRole('status').filter({ hasText: /^Reading all 6000 events…/ });
  await expect(reading).toBeVisible();
  await expect(timeline(page).locator('.mark button').first()).toBeVisible();
  expect(asked).toContain('_start.slcat');
  expect(asked).toContain('_tiles.slroot');
  expect(asked).not.toContain('_catalog.slcat');
  // It holds a few of the events: nothing in it counts them, and nothing answers.
  await expect(timeline(page).locator('.cluster')).toHaveCount(0);
  await expect(page.locator('.event-list')).toHaveCount(0);
  await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'true');
  await expect(timeline(page)).toHaveAttribute('inert', '');
  release();
  await expect(matchCount(page)).toHaveText('All 6000 events');
  await expect(page.locator('[inert]')).toHaveCount(0);
  await expect(reading).toHaveCount(0);
  await expect(timeline(page).locator('.cluster').first()).toBeVisible();
  await timeline(page).getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect(page.locator('.event-list .count')).not.toHaveText('6000 in view');
});

// The first screen is in the index as served, drawn at build time by the app's components
// (src/site/first_screen.rs): the reader sees it before the app's code has arrived, under the
// pages' Content-Security-Policy, for the layout the width asks for.
for (const [width, height, layout] of [
  [1280, 800, 'horizontal'],
  [390, 844, 'vertical'],
]) {
  test(`a large site's index shows its first screen before the app's code has run, ${layout} at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.addInitScript(() => {
      window.__refused = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`));
    });
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/built/large/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    // The page's load waits for the app's code, held back here.
    await page.goto('./built/large/', { waitUntil: 'commit' });
    // The page's stylesheets, which the browser waits for before its first paint (a script may
    // look at the page before they are in).
    await page.waitForFunction(() => document.querySelector('.first-screen') && [...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => link.sheet));
    await expect(page.getByRole('status').filter({ hasText: /^Reading all 6000 events…/ })).toBeVisible();
    await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    // The page's own listing is for browsers that run no scripts.
    await expect(page.locator('#page')).toBeHidden();
    // Each mark at its own place on the axis, within it: the boxes came through the stylesheet.
    const area = await timeline(page).locator('.timeline-area').boundingBox();
    const boxes = await timeline(page).locator('.mark').evaluateAll((marks) => marks.map((m) => m.getBoundingClientRect().toJSON()));
    expect(boxes.length).toBeGreaterThan(5);
    const along = boxes.map((b) => (layout === 'horizontal' ? b.left - area.x : b.top - area.y));
    expect(new Set(along.map(Math.round)).size).toBeGreaterThan(5);
    for (const at of along) expect(at).toBeGreaterThanOrEqual(-1);
    for (const at of along) expect(at).toBeLessThanOrEqual((layout === 'horizontal' ? area.width : area.height) + 1);
    expect(await page.evaluate(() => window.__refused)).toEqual([]);
    // The app takes its place, and opens.
    release();
    await expect(matchCount(page)).toHaveText('All 6000 events');
    await expect(page.locator('.first-screen')).toHaveCount(0);
    expect(await page.evaluate(() => window.__refused)).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a large site\'s index shows its listing, not the first screen that leads nowhere without the app', async ({ page }) => {
    await page.goto('./built/large/');
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(page.locator('#page')).toBeVisible();
    await expect(page.locator('.first-screen').first()).toBeHidden();
    await expect(page.locator('.first-screen').last()).toBeHidden();
    await expect(page.getByRole('status')).toHaveCount(0);
  });
});

/** The large site's tiles, in order, as its root lists them (src/model/tiles.rs). */
function tileFiles() {
  const bytes = readFileSync('target/e2e-site/some/sub/path/built/large/_tiles.slroot');
  let at = 16;
  const number = () => {
    let [n, shift] = [0n, 0n];
    for (;;) {
      const byte = bytes[at++];
      n |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if (byte < 0x80) return n;
    }
  };
  return Array.from({ length: Number(number()) }, () => {
    const sum = number();
    for (let field = 0; field < 4; field++) number();
    return `_tiles/${sum.toString(16).padStart(16, '0')}.slcat`;
  });
}

test('a large site\'s event page reads the whole catalog, its own event\'s tile first, with no first screen', async ({ page }) => {
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname.split('/').slice(-2).join('/')));
  // Event 42 is, by its date, in the last of the three tiles of 2,000 events.
  await page.goto('./built/large/e42.html');
  const tile = await page.locator('link[rel=preload][data-tile]').getAttribute('data-tile');
  expect(tile).toBe('2');
  const own = tileFiles()[Number(tile)];
  await expect(page.locator('#event-panel-heading')).toHaveText(/^Event 42: /);
  await expect(matchCount(page)).toHaveText('All 6000 events');
  // The app asks for the tile the page names before the others, and reads all three.
  const tiles = asked.filter((f) => f.startsWith('_tiles/'));
  expect(tiles[0]).toBe(own);
  expect(new Set(tiles).size).toBe(3);
  expect(asked).toContain('large/_tiles.slroot');
  expect(asked).not.toContain('large/_start.slcat');
  expect(asked).not.toContain('large/_catalog.slcat');
});

test('a tile that is not the one the root lists is refused, and said so', async ({ page }) => {
  await page.route('**/built/large/_tiles/*', async (route) => {
    const body = readFileSync(`target/e2e-site/some/sub/path/built/large/_tiles/${new URL(route.request().url()).pathname.split('/').pop()}`);
    // The bytes of another build: the checksum in its header differs from the root's.
    body[8] ^= 1;
    await route.fulfill({ body, contentType: 'application/octet-stream' });
  });
  await page.goto('./built/large/e42.html');
  await expect(page.getByRole('heading', { name: /^The dataset _tiles\/[0-9a-f]{16}\.slcat could not be shown$/ })).toBeVisible();
  await expect(page.getByText('a tile is not the one the root lists')).toBeVisible();
});

test('a large dataset opened from a link draws its first screen while the rest is read, then the linked event', async ({ page }) => {
  // The first screen may be on the page for only a few frames: the page notes when it appears.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const status = document.querySelector('.reading-all');
      if (status && document.querySelector('main[aria-busy="true"] .mark')) window.__firstScreen ??= status.textContent;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto('./?data=data/synthetic-10000.json&event=e42');
  await expect(matchCount(page)).toHaveText('All 10000 events');
  expect(await page.evaluate(() => window.__firstScreen)).toMatch(/^Reading all 10000 events…/);
  await expect(page.locator('[inert]')).toHaveCount(0);
  // The link is followed once the whole dataset is read.
  await expect(page.locator('#event-panel-heading')).toHaveText(/^Event 42: /);
  await expect(page).toHaveURL(/[?&]event=e42(&|$)/);
});
