// Datasets beside the app, loaded with ?data=: only from this site, labelled as not the bundled
// one, and, at 10,000 events, a page that stays small while zooming and scrolling.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { appOpened, datasetBanner, matchCount, notice, timeline } from './support.mjs';

const domSize = (page) => page.evaluate(() => document.getElementsByTagName('*').length);

test('a 10,000-event dataset loads with a banner and keeps the DOM small', async ({ page }) => {
  await page.goto('./?data=data/synthetic-10000.json');
  await expect(datasetBanner(page)).toContainText('Not the bundled dataset');
  await expect(matchCount(page)).toHaveText('All 10000 events');
  await expect(timeline(page).locator('.mark button').first()).toBeVisible();
  const sizes = [await domSize(page)];
  for (let i = 0; i < 6; i++) {
    await timeline(page).getByRole('button', { name: 'Zoom in', exact: true }).click();
    sizes.push(await domSize(page));
  }
  await timeline(page).getByRole('group', { name: /^Events from/ }).focus();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('ArrowRight');
    sizes.push(await domSize(page));
  }
  await timeline(page).getByRole('button', { name: 'Show all', exact: true }).click();
  // The list follows the timeline's range once it rests.
  await expect(page.locator('.event-list .count')).toHaveText('10000 in view');
  // Scroll the list to its end: the last rows come into the page, the first leave it.
  const scroller = page.locator('.list-scroller');
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(page.locator('.event-list li[aria-posinset="10000"]')).toBeVisible();
  await expect(page.locator('.event-list li[aria-posinset="1"]')).toHaveCount(0);
  sizes.push(await domSize(page));
  expect(Math.max(...sizes)).toBeLessThan(2000);
  // Several places change hands: a menu picks whose control the band shows.
  const band = page.getByRole('combobox', { name: /^Who held/ });
  const first = await band.inputValue();
  await band.selectOption({ index: 1 });
  const chosen = await band.locator('option:checked').textContent();
  await expect(timeline(page).getByRole('list', { name: `Who held ${chosen}` })).toBeVisible();
  expect(await band.inputValue()).not.toBe(first);
  // Links to an event carry the dataset with them.
  await page.locator('.event-list li[aria-posinset="10000"] button').click();
  await expect(page).toHaveURL(/\?data=data%2Fsynthetic-10000\.json&event=e\d+/);
});

test('a dataset from a link is read in a worker, whose code the first load does not fetch', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname.split('/').pop()));
  const reader = () => fetched.filter((file) => file.startsWith('reader')).sort();
  await page.goto('./');
  await expect(timeline(page).locator('.mark button').first()).toBeVisible();
  expect(reader()).toEqual([]);
  await page.goto('./?data=data/synthetic-10000.json');
  await expect(matchCount(page)).toHaveText('All 10000 events');
  expect(reader()).toEqual(['reader.js', 'reader_bg.wasm', 'reader_loader.js']);
});

test('a dataset on another origin is refused, and the bundled one shown', async ({ page }) => {
  await page.goto('./?data=https%3A%2F%2Fevil.example%2Fpalmyra.json');
  await expect(notice(page)).toContainText('“data” must be a relative link to a file on this site');
  await expect(page.locator('.dataset-title')).toHaveText('Palmyra changes hands, 2011–2017');
  await expect(datasetBanner(page)).toHaveCount(0);
});

test('a missing dataset says so and offers the bundled one', async ({ page }) => {
  await page.goto('./?data=data/no-such-file.json');
  await expect(page.getByRole('heading', { name: 'The dataset data/no-such-file.json could not be shown' })).toBeVisible();
  await expect(page.getByText('The server answered 404 for this file.')).toBeVisible();
  await page.getByRole('link', { name: 'Open “Palmyra changes hands, 2011–2017” instead' }).click();
  await appOpened(page);
  await expect(page.locator('.dataset-title')).toHaveText('Palmyra changes hands, 2011–2017');
});
