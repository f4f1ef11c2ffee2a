// A page as a first visit gets it: the app's own first screen, written at build time
// (src/site/first_screen.rs), and no app code until the reader asks for what only the app does
// (public/start.js). Then the app opens in the written screen's place, moving nothing, and is
// handed what the reader began: the press, the focus, the text typed.
// Runs at 1280 px; the tests tagged @phone at 360 px too, and the takeover at 390×844.
import { expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from './support.mjs';
import { appOpened, eventList, matchCount, panelHeading, searchbox, timeline } from './support.mjs';

test.use({ intent: false, serviceWorkers: 'block' });

/** Every request the page makes for the app's code. */
function appRequests(page) {
  const seen = [];
  page.on('request', (r) => /\/sourceline-[0-9a-f]+(\.js|_bg\.wasm)$/.test(new URL(r.url()).pathname) && seen.push(r.url()));
  return seen;
}

/** What the reader sees of the page: each visible heading, mark, list item and button, with its text and box. */
function visibleParts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, .mark, li, button, input, select, blockquote, time')]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().width > 0)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { what: `${el.tagName.toLowerCase()} ${el.textContent.trim().slice(0, 60)}`, box: [box.left, box.top, box.width, box.height].map(Math.round) };
      }),
  );
}

test('a first visit to an event page loads none of the app, and shows the event as the app does @phone', async ({ page }) => {
  const loaded = appRequests(page);
  await page.goto('palmyra-recaptured.html');
  await expect(page.locator('#event-panel-heading-wide, #event-panel-heading-narrow').locator('visible=true')).toHaveText('Syrian forces recapture Palmyra');
  await expect(timeline(page)).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Who says so' })).toContainText('regained control over Palmyra');
  // The page's own listing, for browsers without scripts, is hidden under the first screen.
  await expect(page.locator('#page')).toBeHidden();
  // Nothing asked for the app: not while loading, not after reading a while, scrolled.
  await page.waitForLoadState('load');
  await page.mouse.wheel(0, 400);
  await page.waitForLoadState('networkidle');
  expect(loaded).toEqual([]);
  expect(await page.locator('html').getAttribute('data-app')).toBeNull();
});

test('a press on a mark of the written first screen opens the app on that event @phone', async ({ page }) => {
  const loaded = appRequests(page);
  await page.goto('palmyra-recaptured.html');
  await page.waitForLoadState('load');
  const mark = timeline(page).getByRole('button', { name: /^IS seizes Palmyra/ });
  await mark.click();
  await appOpened(page);
  await expect(panelHeading(page)).toHaveText('IS seizes Palmyra for the first time');
  await expect(page).toHaveURL(/is-seizes-palmyra\.html$/);
  expect(loaded.length).toBe(2);
});

test('a reader who goes to the search and types finds what they typed once the app opens', async ({ page }) => {
  await page.goto('./');
  await page.waitForLoadState('load');
  await searchbox(page).focus();
  await page.keyboard.type('aleppo');
  await appOpened(page);
  await expect(searchbox(page)).toHaveValue('aleppo');
  await expect(searchbox(page)).toBeFocused();
  await expect(matchCount(page)).toHaveText(/^1 of \d+ events? match/);
  await expect(eventList(page).getByRole('button', { name: /Aleppo/ })).toBeVisible();
});

for (const [width, height] of [
  [1280, 800],
  [390, 844],
]) {
  test(`the app takes the written page's place and moves nothing, at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const path of ['palmyra-recaptured.html', './']) {
      await page.goto(path);
      await page.waitForLoadState('load');
      await page.evaluate(() => document.fonts.ready);
      const before = await visibleParts(page);
      const scrolled = await page.evaluate(() => scrollY);
      expect(before.length).toBeGreaterThan(20);
      // A press on nothing in particular: the app opens, and nothing else changes.
      await page.evaluate(() => document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
      await appOpened(page);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect(await visibleParts(page), path).toEqual(before);
      expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    }
  });
}

test('embedded, the written view is compact and sized by the host page before any app code, and a press opens the app there', async ({ page, baseURL }) => {
  const loaded = appRequests(page);
  // A host page on another origin, as the embed code writes it (src/model/embed.rs).
  const name = `intent-${test.info().project.name}.html`;
  const src = new URL('palmyra-recaptured.html?embed=1', baseURL).href;
  mkdirSync('target/e2e-site/host', { recursive: true });
  writeFileSync(
    `target/e2e-site/host/${name}`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A host page</title></head><body><h1>A host page</h1><iframe src="${src}" title="Palmyra" style="width: 100%; height: 640px; border: 0" data-sourceline></iframe>\n<script src="${new URL('embed.js', baseURL).href}" async></script><p>After the timeline.</p></body></html>`,
  );
  const host = new URL(`/host/${name}`, baseURL);
  host.hostname = 'localhost';
  await page.goto(host.href);
  const frame = page.frameLocator('iframe[data-sourceline]');
  // The embedded app's look: its link to the full view, no search, views or file opener.
  const full = frame.getByRole('link', { name: 'Open the full view ↗' });
  expect(await full.evaluate((a) => a.href)).toBe(new URL('palmyra-recaptured.html', baseURL).href);
  await expect(frame.getByRole('searchbox')).toHaveCount(0);
  await expect(frame.getByRole('navigation', { name: 'Views' })).toHaveCount(0);
  await expect(frame.getByText('Open a dataset file…').locator('visible=true')).toHaveCount(0);
  // The host page's script sizes the frame to what the written page reports.
  const inFrame = () => page.frames().find((f) => f.url() === src);
  await expect
    .poll(async () => {
      const inner = await inFrame().evaluate(() => document.body.offsetHeight);
      const outer = (await page.locator('iframe[data-sourceline]').boundingBox()).height;
      return Math.abs(inner - outer) <= 1 && inner !== 640;
    })
    .toBe(true);
  expect(loaded).toEqual([]);
  // A press opens the app in the frame, which carries it out, and the host page follows.
  await frame.getByRole('button', { name: /^Next event/ }).click();
  await expect(panelHeading(frame)).toHaveText('The army clears mines IS left behind');
  await expect.poll(() => new URL(page.url()).hash).toBe('#sourceline=mine-clearing');
  expect(loaded.length).toBe(2);
});
