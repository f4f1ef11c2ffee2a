// Helpers shared by the end-to-end specs: the app's parts found by role and accessible name (or,
// where the app gives them no name, by the id or class the specs have always used). Every spec
// imports from here; none defines its own copy.
import { expect } from '@playwright/test';

// The page's parts.
export const appHeading = (page) => page.getByRole('heading', { level: 1, name: 'sourceline' });
export const timeline = (page) => page.getByRole('region', { name: 'Timeline' });
export const eventList = (page) => page.getByRole('navigation', { name: /^Events/ });
export const views = (page) => page.getByRole('navigation', { name: 'Views' });
export const searchbox = (page) => page.getByRole('searchbox', { name: 'Search' });
/** The search landmark's live count: "All 13 events", "2 of 13 events match". */
export const matchCount = (page) => page.getByRole('search').getByRole('status');
export const panelHeading = (page) => page.locator('#event-panel-heading');
export const eventPanel = (page) => page.getByRole('complementary').filter({ has: panelHeading(page) });
export const attribution = (page) => page.getByRole('complementary', { name: 'Who says so' });
export const datasetBanner = (page) => page.getByRole('region', { name: 'About this dataset' });
export const notice = (page) => page.locator('.notice');
/** The query string of the page's address, "" when it has none. */
export const query = (page) => new URL(page.url()).search;

/** Loads the app at `path` (relative to the sub-path it is served from) and waits until it has rendered. */
export async function openApp(page, path = './') {
  await page.goto(path);
  await expect(appHeading(page)).toBeVisible();
}

/** On a phone the filter menus are folded behind a button: open them. */
export async function openFilters(page) {
  const toggle = page.getByRole('button', { name: /^Filters/ });
  if (await toggle.isVisible() && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** Waits until the service worker controls the page (it has cached the app). */
export async function serviceWorkerControls(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
