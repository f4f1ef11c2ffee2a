// Deep links: the selected event is its own page and the rest of the view state lives in the
// query string; links open cold, walk with Back and Forward, survive a reload, and cope with
// ids that do not exist. The older `?event=` links still work and become the event's page.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { appHeading, attribution, eventList, notice, openFilters, panelHeading, query, searchbox } from './support.mjs';

test('a link to an event opens it cold, with its panel', async ({ page }) => {
  await page.goto('./?event=palmyra-recaptured');
  await expect(panelHeading(page)).toHaveText('Syrian forces recapture Palmyra');
  await expect(attribution(page)).toContainText('3 originators support this');
  await expect(page).toHaveURL(/\/palmyra-recaptured\.html$/);
  await expect(page).toHaveTitle('Syrian forces recapture Palmyra · sourceline');
  await expect(page.locator('meta[name=description]')).toHaveAttribute('content', /^With Russian air support/);
});

test('a link to a claim highlights it', { tag: '@phone' }, async ({ page }) => {
  await page.goto('./?event=palmyra-recaptured&claim=army');
  await expect(panelHeading(page)).toHaveText('Syrian forces recapture Palmyra');
  const claim = page.locator('.claim.highlighted');
  await expect(claim).toHaveCount(1);
  await expect(claim).toContainText('regained control over Palmyra');
  await expect(claim).toBeInViewport();
});

test('choosing events adds history entries; Back and Forward walk through them', async ({ page }) => {
  await page.goto('./');
  await eventList(page).getByRole('button', { name: /IS retakes Palmyra/ }).click();
  await expect(page).toHaveURL(/\/is-retakes-palmyra\.html$/);
  await eventList(page).getByRole('button', { name: /Syrian forces recapture Palmyra/ }).click();
  await expect(page).toHaveURL(/\/palmyra-recaptured\.html$/);
  await page.goBack();
  await expect(panelHeading(page)).toHaveText('IS retakes Palmyra');
  await page.goBack();
  await expect(panelHeading(page)).toHaveText('Event');
  expect(query(page)).toBe('');
  await expect(page).toHaveURL(/\/some\/sub\/path\/$/);
  await page.goForward();
  await expect(panelHeading(page)).toHaveText('IS retakes Palmyra');
  await page.goForward();
  await expect(panelHeading(page)).toHaveText('Syrian forces recapture Palmyra');
});

test('typing in search replaces the history entry instead of adding one per key', async ({ page }) => {
  await page.goto('./');
  const before = await page.evaluate(() => history.length);
  await searchbox(page).pressSequentially('mines');
  await expect(page).toHaveURL(/\?q=mines$/);
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('filters, search, selection and range round-trip through a reload', async ({ page }) => {
  await page.goto('./');
  await searchbox(page).fill('palmyra');
  await openFilters(page);
  await page.getByLabel('Source', { exact: true }).selectOption({ label: 'Syrian Observatory for Human Rights' });
  await eventList(page).getByRole('button', { name: /Government forces break into western Palmyra/ }).click();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect(page).toHaveURL(/from=/);
  const before = page.url();
  const range = await page.locator('.range').textContent();
  await page.reload();
  await expect(panelHeading(page)).toHaveText('Government forces break into western Palmyra');
  await expect(searchbox(page)).toHaveValue('palmyra');
  await openFilters(page);
  await expect(page.getByLabel('Source', { exact: true })).toHaveValue('sohr');
  await expect(page.locator('.range')).toHaveText(range);
  expect(page.url()).toBe(before);
});

test.describe('without the app', () => {
  test.use({ serviceWorkers: 'block' });

  test('an old link reaches the event\'s page, keeping the rest of the query and the fragment', async ({ page }) => {
    // The app never arrives: the index's own script in its head sends the reader on. (An id
    // the dataset lacks, and a link with data=, stay on the index: tests above and scale.spec.)
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto('./?q=palmyra&event=palmyra-recaptured&claim=army#who-says-so');
    await expect(page).toHaveURL(/\/palmyra-recaptured\.html\?q=palmyra&claim=army#who-says-so$/);
    // The page as written: the app's first screen of the event, which the app would open over.
    await expect(page.getByRole('heading', { name: 'Syrian forces recapture Palmyra' })).toBeVisible();
  });
});

test('an unknown event id gets a polite message and a way back', async ({ page }) => {
  await page.goto('./?event=nope');
  const shown = notice(page);
  await expect(shown).toContainText('There is no event “nope” in this dataset.');
  await expect(appHeading(page)).toBeVisible();
  // The address stays as the reader was sent it until they choose something else.
  expect(query(page)).toBe('?event=nope');
  await shown.getByRole('button', { name: 'Show the whole timeline' }).click();
  await expect(shown).toHaveCount(0);
  expect(query(page)).toBe('');
  await expect(eventList(page).getByRole('listitem')).toHaveCount(13);
});

test('malformed and very long values are ignored and named', async ({ page }) => {
  await page.goto(`./?event=%3Cscript%3Ealert(1)%3C%2Fscript%3E&colour=red&q=${'x'.repeat(5000)}&claim=army`);
  const shown = notice(page);
  await expect(shown).toContainText('“event” is not a valid id');
  await expect(shown).toContainText('“colour” is not a setting this app knows');
  await expect(shown).toContainText('“q” was too long');
  await expect(eventList(page).getByRole('listitem')).toHaveCount(13);
});

test('copy link copies the canonical absolute link and confirms it', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?event=palmyra-recaptured&q=palmyra');
  await page.getByRole('button', { name: 'Copy link to this event' }).click();
  await expect(page.locator('.event-panel .copy-status')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}palmyra-recaptured.html`);
  const claim = page.locator('#claim-army');
  await claim.getByRole('button', { name: 'Copy link to this claim' }).click();
  await expect(claim.locator('.copy-status')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}palmyra-recaptured.html?claim=army`);
});
