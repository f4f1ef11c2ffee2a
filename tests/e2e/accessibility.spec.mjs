// axe-core finds no WCAG 2.2 AA violation in the main views, light or dark, wide or narrow.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { attribution, datasetBanner, eventList, openApp, views, violations } from './support.mjs';

// The narrow layout has its own structure (folded menus, a vertical axis, target sizes): the
// phone project checks it in the light scheme; colours do not change with the width. Each view
// is loaded once and checked in each scheme.
const schemes = () => (test.info().project.name === 'phone' ? ['light'] : ['light', 'dark']);

test('no violation in the timeline and panels, light or dark', { tag: '@phone' }, async ({ page }) => {
  // Before an event is chosen, in the light scheme; after, in each (the same parts, and more).
  await openApp(page);
  expect(await violations(page)).toEqual([]);
  await eventList(page).getByRole('button', { name: /Syrian forces recapture Palmyra/ }).click();
  await expect(attribution(page).locator('blockquote').first()).toBeVisible();
  for (const scheme of schemes()) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await violations(page), scheme).toEqual([]);
  }
});

test('no violation in the sources view, light or dark', { tag: '@phone' }, async ({ page }) => {
  await page.goto('./');
  await views(page).getByRole('button', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
  for (const scheme of schemes()) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await violations(page), scheme).toEqual([]);
  }
});

test('landmarks: banner, search, main, navigation and complementary panels', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('search')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(eventList(page)).toBeVisible();
  await expect(page.getByRole('complementary')).toHaveCount(2);
});

test('no violation in a loaded dataset, its banner, or a failed load', async ({ page }) => {
  await page.goto('./?data=data/synthetic-10000.json');
  await expect(datasetBanner(page)).toBeVisible();
  await expect(page.locator('.mark button').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.goto('./?data=data/no-such-file.json');
  await expect(page.getByText('The server answered 404 for this file.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
