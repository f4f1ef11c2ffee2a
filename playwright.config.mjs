// End-to-end tests run against the release build (dist/), copied by ./x test under a sub-path
// of target/e2e-site and served there by Python's plain static file server.
import { defineConfig } from '@playwright/test';

// ./x sets the port (E2E_PORT) and writes the pages' absolute links for it.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/e2e-results',
  // Two workers on this machine's two cores; every test has a browser context of its own, and
  // those that write into the served folder write under names of their own.
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A list for people, and a JSON report for ./x, which counts the tests from its stats and
  // names the file in PLAYWRIGHT_JSON_OUTPUT_NAME.
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME || 'target/e2e-report.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/some/sub/path/`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // Every test runs at 1280 px; those that depend on the narrow layout or on touch (the
    // vertical axis, folded menus, pinch and swipe, where things sit) are tagged @phone and run
    // at 360 px too, and those only a phone has, @phone-only.
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 } }, grepInvert: /@phone-only/ },
    { name: 'phone', use: { viewport: { width: 360, height: 780 }, hasTouch: true }, grep: /@phone/ },
  ],
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory target/e2e-site`,
    url: `http://127.0.0.1:${port}/some/sub/path/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
