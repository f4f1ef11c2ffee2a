// Trunk post_build hook (see Trunk.toml), also runnable by hand on a built folder:
//   node scripts/post-build.mjs DIR
// - writes the build's file list and a build id (a hash of every file) into sw.js, so the
//   service worker precaches exactly this build under a cache of its own;
// - puts the SHA-256 hashes of the inline scripts Trunk injects into the Content-Security-Policy
//   of index.html, so those and nothing else may run inline.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/post-build.mjs DIR (or run as a Trunk hook)');
const release = process.argv[2] ? true : process.env.TRUNK_PROFILE === 'release';

const files = [];
(function walk(d) {
  for (const name of readdirSync(d).sort()) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dir, path).split(sep).join('/'));
  }
})(dir);

// Content-Security-Policy: hash every inline script.
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const hashes = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
);
// Run again on a built folder, the hashes are already in place. `trunk serve` injects its
// live-reload script after this hook runs, so debug builds allow inline script; release builds
// (everything in dist/ that is ever deployed) allow only the hashed ones.
if (index.includes('INLINE_SCRIPT_HASHES')) {
  index = index.replace('INLINE_SCRIPT_HASHES', release ? hashes.join(' ') : "'unsafe-inline'");
  writeFileSync(indexPath, index);
}

// Service worker: the precache list and the build id.
const shell = files.filter((f) => f !== 'sw.js' && f !== 'index.html');
const build = createHash('sha256');
for (const f of files.filter((f) => f !== 'sw.js')) build.update(f).update(readFileSync(join(dir, f)));
const id = release ? build.digest('hex').slice(0, 16) : 'dev';
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace(/^const BUILD = .*;$/m, `const BUILD = '${id}';`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(shell)};`);
writeFileSync(swPath, sw);
console.log(`post-build: ${hashes.length} inline script hash(es), service worker build ${id}, ${shell.length + 1} files precached`);
