// Prints the size of what a first visit to the release build transfers, file by file and in
// total: gzip-compressed as a static host compresses on the fly (zlib level 6, the usual
// default), and as the precompressed copies that scripts/post-build.mjs writes beside each file
// (`.gz` at level 9, `.br` at quality 11) are served by hosts that serve them.
//
//   node scripts/size.mjs dist            print the table
//   node scripts/size.mjs dist --readme   also rewrite the table between the size markers in README.md
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';

const dir = process.argv[2] ?? 'dist';
const files = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (!/\.(gz|br)$/.test(name)) files.push(path);
  }
})(dir);

// A first visit loads the page and the service worker, and the worker then fetches the app
// shell it precaches (its FILES list, written by scripts/post-build.mjs), the index among them.
// The page is the app's first screen, written at build time; the app itself (the worker's APP
// list) is fetched when the reader asks for it (public/start.js), and is not part of it. The
// pages and preview images of the other events are not either: they are fetched only when
// opened or shared. A first visit that lands on an event's page loads that page too: the
// largest of them is counted.
const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
const precached = JSON.parse(/^const FILES = (.*);$/m.exec(worker)[1]);
const app = new Set(JSON.parse(/^const APP = (.*);$/m.exec(worker)?.[1] ?? '[]'));
const eventPages = JSON.parse(/^const PAGES = (.*);$/m.exec(worker)[1]).map((id) => `${id}.html`);
const largest = eventPages.map((f) => ({ f, n: existsSync(join(dir, f)) ? gzipSync(readFileSync(join(dir, f)), { level: 6 }).length : 0 })).sort((a, b) => b.n - a.n)[0]?.f;
const firstLoad = new Set(['index.html', 'sw.js', ...precached, ...(largest ? [largest] : [])]);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const measured = files.sort().map((path) => {
  const raw = readFileSync(path);
  // A file with no precompressed copy (an image) is served as it is.
  const copy = (ext) => (existsSync(`${path}.${ext}`) ? statSync(`${path}.${ext}`).size : raw.length);
  return { name: relative(dir, path).split('\\').join('/'), raw: raw.length, gzip: gzipSync(raw, { level: 6 }).length, gz: copy('gz'), br: copy('br') };
});
const rows = measured.filter((r) => firstLoad.has(r.name));
const site = measured.filter((r) => !firstLoad.has(r.name));
const sum = (key) => rows.reduce((n, r) => n + r[key], 0);
const onIntent = measured.filter((r) => app.has(r.name));
const wasm = onIntent.filter((r) => r.name.endsWith('.wasm'));

const lines = [
  '| file | size | gzip | precompressed `.gz` | precompressed `.br` |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| \`${r.name.replace(/-[0-9a-f]{12,16}(?=[._])/, '-…')}\`${r.name === largest ? ' (the largest event page)' : ''} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.gz)} | ${kb(r.br)} |`),
  `| **first load, total** | **${kb(sum('raw'))}** | **${kb(sum('gzip'))}** | **${kb(sum('gz'))}** | **${kb(sum('br'))}** |`,
];
const table = lines.join('\n');
console.log(table);
const gzipOf = (list) => kb(list.reduce((n, r) => n + r.gzip, 0));
// An embedded view (`?embed=1`) is the same page in the host page's frame, with the host
// page's script.
const hostScript = measured.find((r) => r.name === 'embed.js');
const embedded = sum('gzip') + (hostScript?.gzip ?? 0);
console.log(`\nfirst load: ${kb(sum('gzip'))} gzip, ${kb(sum('br'))} brotli; embedded (\`?embed=1\`, with the host page's embed.js): ${kb(embedded)} gzip; the app, when the reader asks for it (${onIntent.map((r) => r.name).join(', ')}): ${gzipOf(onIntent)} gzip, of which the wasm ${wasm.map((r) => kb(r.gzip)).join(', ')} (${wasm.map((r) => kb(r.br)).join(', ')} brotli)`);
// The dataset reader's worker (sw.js's LATER list) is fetched only when a dataset is opened.
const later = new Set(JSON.parse(/^const LATER = (.*);$/m.exec(worker)[1]));
const reader = site.filter((r) => later.has(r.name) && !app.has(r.name));
const pages = site.filter((r) => !later.has(r.name));
console.log(`not in the first load either: the dataset reader (${reader.map((r) => r.name).join(', ')}), ${gzipOf(reader)} gzip, fetched when a dataset is opened from a link or a file; ${pages.length} files of event pages, preview images and sitemap, ${gzipOf(pages)} gzip in all`);

if (process.argv.includes('--readme')) {
  const begin = '<!-- size:begin -->';
  const end = '<!-- size:end -->';
  const readme = readFileSync('README.md', 'utf8');
  const at = readme.indexOf(begin);
  const until = readme.indexOf(end);
  if (at < 0 || until < at) throw new Error('README.md has no size markers');
  const stamp = `Measured by \`./x size\` on ${new Date().toISOString().slice(0, 10)}. An embedded view (\`?embed=1\`) loads the same, with the host page's \`embed.js\`: ${kb(embedded)} gzip. Not in either: the app itself, fetched when the reader first asks for what only the app does (${gzipOf(onIntent)} gzip, the wasm ${wasm.map((r) => kb(r.gzip)).join(', ')}).`;
  writeFileSync('README.md', `${readme.slice(0, at + begin.length)}\n${table}\n\n${stamp}\n${readme.slice(until)}`);
}
