// A large built site's first screen (src/model/start.rs): its index draws the events of its
// start file before the whole catalog has arrived, says how far the reading has come, counts
// nothing and answers nothing until then, and then opens the whole app. ./x serves a site of
// 6,000 invented events at built/large/.
import { test, expect } from '@playwright/test';
import { matchCount, timeline } from './support.mjs';

// A service worker that takes the page over answers the catalog's request itself, where the
// test cannot hold it back.
test.use({ serviceWorkers: 'block' });

test('a large site draws its first screen before its catalog arrives, then opens the whole app', async ({ page }) => {
  // The catalog is held back until the first screen is on the page: it is drawn without it.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname.split('/').pop()));
  await page.route('**/built/large/_catalog.slcat', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./built/large/');
  const reading = page.getByRole('status').filter({ hasText: /^Reading all 6000 events…/ });
  await expect(reading).toBeVisible();
  await expect(timeline(page).locator('.mark button').first()).toBeVisible();
  expect(asked).toContain('_start.slcat');
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

test('a large site\'s event page reads the whole catalog, with no first screen', async ({ page }) => {
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname.split('/').pop()));
  await page.goto('./built/large/e42.html');
  await expect(page.locator('#event-panel-heading')).toHaveText(/^Event 42: /);
  await expect(matchCount(page)).toHaveText('All 6000 events');
  expect(asked).toContain('_catalog.slcat');
  expect(asked).not.toContain('_start.slcat');
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
