// What the wasm module holds, from its name section (needs a build that keeps the names):
//   CARGO_PROFILE_RELEASE_STRIP=none cargo build --release --lib --target wasm32-unknown-unknown --target-dir target/size
//   node benches/wasm_size.mjs target/size/wasm32-unknown-unknown/release/article_lens.wasm
// Prints the bytes per section, code bytes per crate (the first path segment of each function's
// name), the biggest functions, and the html5ever tree builder's copies (one per sink type:
// the same function path under different hashes).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = process.argv[2];
if (!file) {
  console.error('usage: node benches/wasm_size.mjs MODULE.wasm');
  process.exit(2);
}
const bytes = readFileSync(file);
let pos = 8;
const leb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
};
const str = () => {
  const n = leb();
  const s = bytes.toString('utf8', pos, pos + n);
  pos += n;
  return s;
};

const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const sections = [];
let importedFunctions = 0;
const bodies = []; // code size per defined function
const names = new Map();
let dataBytes = 0;
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const end = pos + size;
  let label = SECTION[id] ?? `#${id}`;
  if (id === 0) {
    const start = pos;
    label = `custom "${str()}"`;
    if (label === 'custom "name"') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            names.set(index, str());
          }
        }
        pos = subEnd;
      }
    }
    pos = start;
  } else if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      str();
      str();
      const kind = bytes[pos++];
      if (kind === 0) {
        leb();
        importedFunctions++;
      } else if (kind === 1) {
        pos++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        pos += 2;
      }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const bodySize = leb();
      bodies.push(bodySize);
      pos += bodySize;
    }
  } else if (id === 11) {
    dataBytes = size;
  }
  sections.push({ label, size });
  pos = end;
}

// The crate of a legacy-mangled Rust name (_ZN<len><ident>…E), through `<T as Trait>` impls.
function demangledPath(name) {
  const m = /^_ZN(.*)E$/.exec(name);
  if (!m) return [name];
  const parts = [];
  let s = m[1];
  while (s.length) {
    const len = /^(\d+)/.exec(s);
    if (!len) break;
    const n = Number(len[1]);
    parts.push(s.slice(len[1].length, len[1].length + n));
    s = s.slice(len[1].length + n);
  }
  return parts;
}
function crateOf(name) {
  const parts = demangledPath(name);
  let first = parts[0] ?? name;
  if (first.startsWith('_$LT$')) first = first.slice(5).split(/\.\.|\$u20\$|\$GT\$/)[0];
  return first.replace(/^_+/, '') || name;
}

const byCrate = new Map();
const functions = bodies.map((size, i) => ({ size, name: names.get(importedFunctions + i) ?? `#${importedFunctions + i}` }));
for (const f of functions) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
const codeTotal = bodies.reduce((a, b) => a + b, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

console.log(`${file}: ${bytes.length} bytes (${kb(bytes.length)}), gzip -9 ${kb(gzipSync(bytes, { level: 9 }).length)}; ${functions.length} functions, code ${kb(codeTotal)}, data ${kb(dataBytes)}`);
console.log('\nsections:');
for (const s of [...sections].sort((a, b) => b.size - a.size)) console.log(`  ${kb(s.size).padStart(10)}  ${s.label}`);
console.log('\ncode per crate:');
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`  ${kb(size).padStart(10)}  ${((100 * size) / codeTotal).toFixed(1).padStart(5)} %  ${crate}`);
}
console.log('\nbiggest functions:');
for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, 15)) {
  console.log(`  ${kb(f.size).padStart(10)}  ${demangledPath(f.name).slice(0, -1).join('::') || f.name}`);
}
// html5ever's tree builder and tokenizer: one copy per sink type (same path, other hash).
const copies = new Map();
for (const f of functions) {
  const path = demangledPath(f.name);
  if (!path.some((p) => /html5ever/.test(p)) || !path.some((p) => /tree_builder|TreeBuilder|tokenizer|Tokenizer/.test(p))) continue;
  const key = path.slice(0, -1).join('::');
  const entry = copies.get(key) ?? { n: 0, size: 0 };
  entry.n++;
  entry.size += f.size;
  copies.set(key, entry);
}
let all = 0;
let extra = 0;
for (const { n, size } of copies.values()) {
  all += size;
  extra += size - size / n;
}
console.log(`\nhtml5ever tree builder and tokenizer code: ${kb(all)} in ${copies.size} function paths, ${[...copies.values()].filter((c) => c.n > 1).length} of them in several copies; one copy each would save about ${kb(extra)} of code (before gzip).`);
