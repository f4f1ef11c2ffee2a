// The overview strip over the whole dataset, and its window over the detail view's range: moving
// or resizing the window by pointer or keyboard sets the detail view, and zooming or panning the
// detail view moves the window. The tests run at 1280 px, and the strip's size and sliders at
// 360 px with touch too (@phone, playwright.config.mjs): the strip is horizontal at both widths.
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { openApp, timeline, violations } from './support.mjs';

const overview = (page) => timeline(page).getByRole('group', { name: 'Overview of the whole timeline' });
const windowSlider = (page) => overview(page).getByRole('slider', { name: 'Range in view', exact: true });
const startHandle = (page) => overview(page).getByRole('slider', { name: 'Start of range in view' });
const endHandle = (page) => overview(page).getByRole('slider', { name: 'End of range in view' });
const detail = (page) => timeline(page).getByRole('group', { name: /^Events from/ });
const range = (page) => timeline(page).locator('.range');

/**
 * The first and last days of a range in the app's words, as times: "Showing 1–3 March 2017",
 * "2 March 2017", "25 October 2010 – 9 May 2017".
 */
function days(text) {
  const words = text.replace(/^Showing /, '').trim();
  const [from, to] = words.split(' – ');
  if (to) return [Date.parse(from), Date.parse(to)];
  const [, first, last, monthYear] = words.match(/^(\d+)(?:–(\d+))? (.+)$/);
  return [Date.parse(`${first} ${monthYear}`), Date.parse(`${last ?? first} ${monthYear}`)];
}

/** The detail view's range as times, read from its visible text and checked against its name. */
async function detailDays(page) {
  const text = await range(page).textContent();
  const name = await detail(page).getAttribute('aria-label');
  expect(name).toBe(`Events from ${text.replace(/^Showing /, '')}`);
  return days(text);
}

/** The window's place on the page: its left edge, width and middle in pixels. */
async function windowBox(page) {
  const box = await windowSlider(page).boundingBox();
  return { left: box.x, width: box.width, middle: box.x + box.width / 2 };
}

/** Drags from the middle of `locator` by `dx` pixels with the mouse, in steps. */
async function drag(page, locator, dx) {
  const box = await locator.boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps: 8 });
  await page.mouse.up();
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await expect(windowSlider(page)).toBeVisible();
});

test('the strip is horizontal, slim, spans the whole dataset and names its sliders', { tag: '@phone' }, async ({ page }) => {
  const strip = await overview(page).boundingBox();
  const area = await detail(page).boundingBox();
  expect(strip.height).toBeGreaterThanOrEqual(36);
  expect(strip.height).toBeLessThanOrEqual(48);
  expect(strip.width).toBeGreaterThan(strip.height * 6);
  expect(strip.width).toBeGreaterThan(area.width * 0.8);
  // On the default view the window shows everything, and says so in the detail view's words.
  const whole = (await range(page).textContent()).replace(/^Showing /, '');
  await expect(windowSlider(page)).toHaveAttribute('aria-valuetext', whole);
  await expect(startHandle(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(endHandle(page)).toHaveAttribute('aria-valuenow', '100');
  const [from, to] = days(whole);
  expect(days(await startHandle(page).getAttribute('aria-valuetext'))[0]).toBe(from);
  expect(days(await endHandle(page).getAttribute('aria-valuetext'))[1]).toBe(to);
  // The handles can be taken hold of by a finger.
  for (const handle of [startHandle(page), endHandle(page)]) {
    const box = await handle.boundingBox();
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
  // The density is one path whatever the number of events.
  await expect(overview(page).locator('path')).toHaveCount(1);
});

test('resizing the window by an edge and moving it by pointer sets the detail range', async ({ page }) => {
  const [wholeFrom, wholeTo] = await detailDays(page);
  // Drag the end handle halfway back: the range ends earlier and starts where it did.
  const strip = await overview(page).boundingBox();
  await drag(page, endHandle(page), -strip.width * 0.5);
  await expect.poll(async () => (await detailDays(page))[1]).toBeLessThan(wholeTo);
  const [narrowFrom, narrowTo] = await detailDays(page);
  expect(narrowFrom).toBe(wholeFrom);
  expect(narrowTo - narrowFrom).toBeLessThan((wholeTo - wholeFrom) * 0.7);
  const narrow = await windowBox(page);
  expect(narrow.width).toBeLessThan(strip.width * 0.7);

  // Drag the window's body later: the whole range moves later, keeping its length.
  await drag(page, windowSlider(page), strip.width * 0.2);
  await expect.poll(async () => (await detailDays(page))[0]).toBeGreaterThan(narrowFrom);
  const [movedFrom, movedTo] = await detailDays(page);
  expect(movedTo).toBeGreaterThan(narrowTo);
  const day = 24 * 3600 * 1000;
  expect(Math.abs((movedTo - movedFrom) - (narrowTo - narrowFrom))).toBeLessThanOrEqual(2 * day);
  expect((await windowBox(page)).left).toBeGreaterThan(narrow.left);

  // Drag the start handle later: the range starts later and ends where it did.
  await drag(page, startHandle(page), strip.width * 0.1);
  await expect.poll(async () => (await detailDays(page))[0]).toBeGreaterThan(movedFrom);
  expect((await detailDays(page))[1]).toBe(movedTo);

  // A press on the strip before the window centres the view there: the range moves earlier.
  const [beforeFrom] = await detailDays(page);
  await page.mouse.click(strip.x + 30, strip.y + strip.height / 2);
  await expect.poll(async () => (await detailDays(page))[0]).toBeLessThan(beforeFrom);
});

test('the window moves and resizes by keyboard', async ({ page }) => {
  const [wholeFrom, wholeTo] = await detailDays(page);
  // The end handle, focused, takes a page back: the range narrows from its end.
  await endHandle(page).focus();
  await page.keyboard.press('PageDown');
  await expect.poll(async () => (await detailDays(page))[1]).toBeLessThan(wholeTo);
  const [, narrowTo] = await detailDays(page);
  expect((await detailDays(page))[0]).toBe(wholeFrom);

  // The window, focused, moves later with ArrowRight, to the end with End, back with Home.
  const slider = windowSlider(page);
  await slider.focus();
  await expect(slider).toBeFocused();
  const before = await slider.getAttribute('aria-valuenow');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await detailDays(page))[1]).toBeGreaterThan(narrowTo);
  expect(Number(await slider.getAttribute('aria-valuenow'))).toBeGreaterThan(Number(before));
  await page.keyboard.press('End');
  await expect.poll(async () => (await detailDays(page))[1]).toBe(wholeTo);
  expect((await detailDays(page))[0]).toBeGreaterThan(wholeFrom);
  await expect(endHandle(page)).toHaveAttribute('aria-valuenow', '100');
  await page.keyboard.press('Home');
  await expect.poll(async () => (await detailDays(page))[0]).toBe(wholeFrom);
  await expect(startHandle(page)).toHaveAttribute('aria-valuenow', '0');
  // The slider says the range in view in the detail view's own words.
  const words = (await range(page).textContent()).replace(/^Showing /, '');
  await expect(slider).toHaveAttribute('aria-valuetext', words);

  // The start handle, focused, narrows the range from its start with ArrowRight.
  await startHandle(page).focus();
  const [homeFrom, homeTo] = await detailDays(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await detailDays(page))[0]).toBeGreaterThan(homeFrom);
  expect((await detailDays(page))[1]).toBe(homeTo);
});

test('zooming and panning the detail view moves the window', async ({ page }) => {
  const slider = windowSlider(page);
  const whole = await windowBox(page);
  const wholeWords = await slider.getAttribute('aria-valuetext');
  // Zoom in by button: the window narrows and says the new range.
  await timeline(page).getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect(slider).not.toHaveAttribute('aria-valuetext', wholeWords);
  await expect.poll(async () => (await windowBox(page)).width).toBeLessThan(whole.width * 0.7);
  const words = (await range(page).textContent()).replace(/^Showing /, '');
  await expect(slider).toHaveAttribute('aria-valuetext', words);

  // Zoom in again with "+" in the timeline area, then pan later with the arrow along its axis.
  await detail(page).focus();
  const zoomed = await windowBox(page);
  await page.keyboard.press('+');
  await expect.poll(async () => (await windowBox(page)).width).toBeLessThan(zoomed.width * 0.7);
  const closer = await windowBox(page);
  const closerValue = Number(await slider.getAttribute('aria-valuenow'));
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await windowBox(page)).middle).toBeGreaterThan(closer.middle);
  expect(Number(await slider.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(closerValue);
  await expect(slider).toHaveAttribute('aria-valuetext', (await range(page).textContent()).replace(/^Showing /, ''));
  // A narrow window, its handles beside it, is as accessible as the whole one.
  expect(await violations(page)).toEqual([]);

  // "Show all" brings the window back over the whole strip.
  await timeline(page).getByRole('button', { name: 'Show all', exact: true }).click();
  await expect(slider).toHaveAttribute('aria-valuetext', wholeWords);
  await expect.poll(async () => Math.round((await windowBox(page)).width)).toBe(Math.round(whole.width));
});
