// The release build, served from a sub-path by a plain static server, loads completely: every
// request succeeds, nothing is logged as an error, and the app renders.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { appHeading } from './support.mjs';

test('the release build renders from a sub-path with no failed request and no console error', async ({ page }) => {
  const failures = [];
  const errors = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('./');
  await expect(appHeading(page)).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  // Let every started request settle before judging them.
  await page.waitForLoadState('networkidle');

  expect(failures).toEqual([]);
  expect(errors).toEqual([]);
});

// The page starts downloading the site's compiled catalog while the app's code downloads
// (index.html preloads it), and the app's own request takes that response: one download, made
// by the page's link, not a second by the app.
test('the site\'s catalog is downloaded once, from the start of the page', async ({ page }) => {
  await page.goto('./');
  await expect(appHeading(page)).toBeVisible();
  const downloads = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('/_catalog.slcat'))
      .map((entry) => entry.initiatorType),
  );
  expect(downloads).toEqual(['link']);
});

// A browser or harness that keeps service workers out may answer the registration with no
// registration at all (Playwright's `serviceWorkers: 'block'` does): the app runs without
// offline, and the page raises no error. Before the check, this threw "Cannot read properties of
// undefined (reading 'waiting')".
test.describe('with service workers kept out', () => {
  test.use({ serviceWorkers: 'block' });

  test('the page raises no error', async ({ page }) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('./');
    await expect(appHeading(page)).toBeVisible();
    // The page asks for its registration once it has loaded; a second request, settled, comes
    // after the page's own has been answered.
    await page.waitForLoadState('load');
    await page.evaluate(() => navigator.serviceWorker.register('sw.js').then(() => {}, () => {}));
    expect(errors).toEqual([]);
  });
});
