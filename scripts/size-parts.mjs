// Where the WebAssembly's bytes go: the release build's wasm as wasm-bindgen wrote it, before
// wasm-opt (target/wasm-bindgen/release/sourceline_bg.wasm, which keeps every function's name),
// split into parts by function name, each part's code measured raw and gzip-compressed on its
// own (level 9). Parts compress better together than alone, so the gzip column adds up to more
// than the whole; it ranks the parts, and ARCHITECTURE.md's size budget is written in it.
//
//   node scripts/size-parts.mjs [WASM]          print the table
//   node scripts/size-parts.mjs [WASM] --json   print the parts as JSON
//
// For one function's callers, or what keeps it in, use twiggy (`cargo install twiggy`):
// `twiggy top`, `twiggy paths`, `twiggy dominators` on the same file.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'target/wasm-bindgen/release/sourceline_bg.wasm';
const bytes = readFileSync(file);

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
function leb(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

// The sections we need: imports (functions are numbered after the imported ones), code, data,
// and the custom "name" section's function names.
let importedFunctions = 0;
const bodies = [];
const names = new Map();
let data = Buffer.alloc(0);
for (let at = 8; at < bytes.length; ) {
  const id = bytes[at];
  const [size, start] = leb(at + 1);
  const end = start + size;
  if (id === 2) {
    let [count, p] = leb(start);
    for (let i = 0; i < count; i++) {
      for (let s = 0; s < 2; s++) {
        const [length, q] = leb(p);
        p = q + length;
      }
      const kind = bytes[p++];
      if (kind === 0) {
        importedFunctions++;
        p = leb(p)[1];
      } else if (kind === 1) {
        const [flags, q] = leb(p + 1);
        p = leb(q)[1];
        if (flags & 1) p = leb(p)[1];
      } else if (kind === 2) {
        const [flags, q] = leb(p);
        p = leb(q)[1];
        if (flags & 1) p = leb(p)[1];
      } else if (kind === 3) p += 2;
    }
  } else if (id === 10) {
    let [count, p] = leb(start);
    for (let i = 0; i < count; i++) {
      const [length, q] = leb(p);
      bodies.push(bytes.subarray(q, q + length));
      p = q + length;
    }
  } else if (id === 11) {
    data = bytes.subarray(start, end);
  } else if (id === 0) {
    const [length, p] = leb(start);
    if (bytes.toString('utf8', p, p + length) === 'name') {
      for (let q = p + length; q < end; ) {
        const sub = bytes[q];
        const [subSize, r] = leb(q + 1);
        if (sub === 1) {
          let [count, s] = leb(r);
          for (let i = 0; i < count; i++) {
            const [index, t] = leb(s);
            const [nameLength, u] = leb(t);
            names.set(index, bytes.toString('utf8', u, u + nameLength));
            s = u + nameLength;
          }
        }
        q = r + subSize;
      }
    }
  }
  at = end;
}
if (!names.size) throw new Error(`${file} has no function names: measure the wasm that wasm-bindgen wrote, before wasm-opt`);

// Each function goes to the first part whose pattern its name matches.
const PARTS = [
  ['model: reading and checking datasets', /sourceline::model::(validate|written|loading|problem)|Dataset>::parse|Reading/],
  ['model: dates (with edtf-core and chrono)', /sourceline::model::date|edtf_core|chrono/],
  ['model: the rest (layout, filters, attribution, wording, links)', /sourceline::model/],
  ['ui: our components and their closures', /sourceline::ui|sourceline::main|__component/],
  ['Leptos (tachys, reactive_graph), with view trees it inlined', /reactive_graph|tachys|leptos|any_spawner|throw_error|or_poisoned|send_wrapper|futures|slotmap|guardian/],
  ['serde, serde_json', /serde/],
  ['wasm-bindgen, js-sys, web-sys, gloo', /wasm_bindgen|js_sys|web_sys|gloo|externref|__wbg|__wbindgen/],
  ['hash maps', /hashbrown|indexmap|rustc_hash|Hash/],
  ['allocator', /dlmalloc|__rdl|__rust_alloc|__rust_dealloc|__rust_realloc|alloc::alloc/],
  ['formatting and panics', /fmt|panic|Debug|Display|unwrap_failed|expect_failed/],
  ['core, alloc, std: the rest (strings, sorting, iterators)', /(?:)/],
];
const grouped = PARTS.map(([part]) => ({ part, bodies: [] }));
bodies.forEach((body, i) => {
  const name = names.get(importedFunctions + i) ?? '';
  grouped[PARTS.findIndex(([, pattern]) => pattern.test(name))].bodies.push(body);
});
const measure = (part, buffer) => ({ part, raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length });
const rows = [
  ...grouped.map(({ part, bodies }) => measure(part, Buffer.concat(bodies))),
  measure('data: strings, tables, the bundled dataset', data),
];
const whole = measure('the whole module, code and data together', Buffer.concat([...bodies, data]));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ rows, whole }, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`Parts of ${file}, before wasm-opt:\n`);
  console.log('| part | raw | gzip, alone |\n| --- | ---: | ---: |');
  for (const r of [...rows].sort((a, b) => b.gzip - a.gzip)) console.log(`| ${r.part} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
  console.log(`| **${whole.part}** | **${kb(whole.raw)}** | **${kb(whole.gzip)}** |`);
}
