// Stepping through the story like slides: Previous and Next in the event panel, and keys that
// leave the timeline's own (arrows, + and −, 0) alone. At every step the panel, the position, the
// address, the live announcement and the timeline agree on the event. The tests run at 1280 px:
// nothing here changes with the width (see the projects in playwright.config.mjs).
import { expect } from '@playwright/test';
import { test } from './support.mjs';
import { attribution, eventList, eventPanel, openApp, panelHeading, searchbox, timeline } from './support.mjs';

/** The bundled dataset's events in chronological order: page, title, and date in words. */
const EVENTS = [
  ['civil-war', "Syria's civil war begins", 'about 2011'],
  ['is-seizes-palmyra', 'IS seizes Palmyra for the first time', 'May 2015'],
  ['russian-air-campaign', 'Russia starts its air campaign', 'September 2015'],
  ['aleppo', 'Government forces push rebels out of Aleppo', '2016'],
  ['is-driven-out', 'IS is driven out of Palmyra', 'March 2016'],
  ['turkish-operation', 'Turkey launches a cross-border operation', 'about late August 2016'],
  ['is-retakes-palmyra', 'IS retakes Palmyra', 'December 2016'],
  ['desert-push', 'Government forces push through the desert towards Palmyra', 'about February 2017 – 2 March 2017'],
  ['western-breakthrough', 'Government forces break into western Palmyra', '1 March 2017'],
  ['palmyra-recaptured', 'Syrian forces recapture Palmyra', '2 March 2017'],
  ['mine-clearing', 'The army clears mines IS left behind', '2 March 2017'],
  ['russian-strikes-continue', 'Russian jets keep striking IS around Palmyra', '2 March 2017'],
  ['sdf-cedes-villages', 'The SDF offers to cede villages to the government', 'on or before 2 March 2017'],
];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const stepper = (page) => eventPanel(page).getByRole('group', { name: 'Step through the events' });
const previousButton = (page) => stepper(page).getByRole('button', { name: 'Previous event', exact: true });
const nextButton = (page) => stepper(page).getByRole('button', { name: 'Next event', exact: true });
const announcement = (page) => page.getByRole('status').filter({ hasText: /^Event \d+ of \d+/ });

/** The panel, the position and the address say the event at `at` (from 0) is selected. */
async function expectSelected(page, at) {
  const [id, title] = EVENTS[at];
  await expect(panelHeading(page)).toHaveText(title);
  await expect(stepper(page).getByText(/^Event \d+ of \d+$/)).toHaveText(`Event ${at + 1} of ${EVENTS.length}`);
  await expect(page).toHaveURL(new RegExp(`/${escape(id)}\\.html(\\?|$)`));
}

/** Everything that says which event is selected says the one at `at` (from 0). */
async function expectAt(page, at) {
  const [, title, date] = EVENTS[at];
  const label = `${title}, ${date}`;
  const position = `Event ${at + 1} of ${EVENTS.length}`;
  await expectSelected(page, at);
  await expect(announcement(page)).toHaveText(`${position}: ${label}`);
  // Drawn on the axis and highlighted there, never gathered into a "+N".
  // Its name goes on to say what the mark shows: "…, 2 March 2017. Changes who holds Palmyra; …".
  const mark = timeline(page).getByRole('button', { name: new RegExp(`^${escape(label)}\\. `) });
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  await expect(mark).toBeVisible();
  // The ends have nowhere to go.
  await (at === 0 ? expect(previousButton(page)).toBeDisabled() : expect(previousButton(page)).toBeEnabled());
  await (at === EVENTS.length - 1 ? expect(nextButton(page)).toBeDisabled() : expect(nextButton(page)).toBeEnabled());
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('Next steps from the first event to the last and Previous back, by button', async ({ page }) => {
  await eventPanel(page).getByRole('button', { name: 'Start with the first event' }).click();
  await expectAt(page, 0);
  // Starting moved focus on to Next, so Enter goes on stepping.
  await expect(nextButton(page)).toBeFocused();
  for (let at = 1; at < EVENTS.length; at++) {
    await nextButton(page).click();
    await expectAt(page, at);
  }
  // Next has nowhere to go but keeps focus, so the keyboard is not lost at the end.
  await expect(nextButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expectAt(page, EVENTS.length - 1);
  await expect(nextButton(page)).toBeFocused();
  for (let at = EVENTS.length - 2; at >= 0; at--) {
    await previousButton(page).click();
    await expectAt(page, at);
  }
  // Each step was a history entry: Back returns to the event before.
  await page.goBack();
  await expectAt(page, 1);
});

// The keys' table and the story's order are native (ui::keys, model::story); here, that n and p
// reach the app from the focused timeline, in both directions, and stop at either end (the walk
// through every event is the test above, by button).
test('n and p step by key, with the timeline focused, and stop at either end', async ({ page }) => {
  const area = timeline(page).getByRole('group', { name: /^Events from/ });
  const last = EVENTS.length - 1;
  await eventList(page).getByRole('button', { name: new RegExp(EVENTS[last - 1][1]) }).click();
  await expectAt(page, last - 1);
  await area.focus();
  await page.keyboard.press('n');
  await expectAt(page, last);
  await page.keyboard.press('n');
  await expectAt(page, last);
  await page.keyboard.press('p');
  await expectAt(page, last - 1);
  await page.keyboard.press('p');
  await expectAt(page, last - 2);
  await eventList(page).getByRole('button', { name: /Syria's civil war begins/ }).click();
  await expectAt(page, 0);
  await area.focus();
  await page.keyboard.press('p');
  await expectAt(page, 0);
  await page.keyboard.press('n');
  await expectAt(page, 1);
  await expect(area).toBeFocused();
});

test('Page Down and Page Up step too; the arrows still pan, and keys typed or with Ctrl do not step', async ({ page }) => {
  await eventList(page).getByRole('button', { name: /IS retakes Palmyra/ }).click();
  await expectAt(page, 6);
  const area = timeline(page).getByRole('group', { name: /^Events from/ });
  await area.focus();
  await page.keyboard.press('PageDown');
  await expectAt(page, 7);
  await page.keyboard.press('PageUp');
  await expectAt(page, 6);
  await page.keyboard.press('j');
  await expectAt(page, 7);
  await page.keyboard.press('k');
  await expectAt(page, 6);
  // The arrows move the view, not the selection.
  const range = timeline(page).locator('.range');
  const before = await range.textContent();
  await page.keyboard.press('+');
  await expect(range).not.toHaveText(before);
  const zoomed = await range.textContent();
  await page.keyboard.press('ArrowLeft');
  await expect(range).not.toHaveText(zoomed);
  // The reader moved the view away: the selection stays.
  await expectSelected(page, 6);
  await page.keyboard.press('Control+n');
  await expectSelected(page, 6);
  // Typing an n into the search box searches; it does not step.
  await searchbox(page).fill('');
  await searchbox(page).press('n');
  await expect(searchbox(page)).toHaveValue('n');
  await expectSelected(page, 6);
});

test('with a filter on, the steps go through the events that match', async ({ page }) => {
  await searchbox(page).fill('mines');
  await eventList(page).getByRole('listitem').first().getByRole('button').click();
  const position = stepper(page).getByText(/^Event \d+ of \d+/);
  await expect(position).toHaveText('Event 1 of 2 that match');
  await expect(previousButton(page)).toBeDisabled();
  await nextButton(page).click();
  await expect(position).toHaveText('Event 2 of 2 that match');
  await expect(nextButton(page)).toBeDisabled();
  await expect(announcement(page)).toHaveText(/^Event 2 of 2 that match: /);
});

test('the relay chain is drawn as nodes that say what each source did, with the names still text', async ({ page }) => {
  await page.goto('palmyra-recaptured.html');
  const panel = attribution(page);
  const army = panel.locator('#claim-army');
  const chain = army.getByRole('list', { name: 'Relay chain' });
  await expect(chain.getByRole('listitem')).toHaveText([
    /^originated\s+Syrian army$/,
    /^relayed\s+SANA$/,
    /^published in\s+Syrian forces recapture Palmyra once again/,
  ]);
  // Each node is a box of its own, and each after the first has an arrow drawn into it.
  const nodes = chain.getByRole('listitem');
  for (let i = 0; i < 3; i++) {
    const box = await nodes.nth(i).boundingBox();
    expect(box.width).toBeGreaterThan(20);
    if (i > 0) {
      const above = await nodes.nth(i - 1).boundingBox();
      expect(box.y).toBeGreaterThan(above.y + above.height);
      const arrow = await nodes.nth(i).evaluate((el) => getComputedStyle(el, '::after').borderTopStyle);
      expect(arrow).toBe('solid');
    }
  }
  // The claims differ here: each says its stance in a word.
  const claims = panel.locator('.claim');
  await expect(panel.locator('.claim .stance')).toHaveCount(await claims.count());
  await expect(panel.locator('.claim.qualifies .stance')).toHaveText('qualifies');
  await expect(panel.locator('.claim.supports .stance').first()).toHaveText('supports');
});
