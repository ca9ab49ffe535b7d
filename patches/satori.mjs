// Patches satori 0.63.2 (run by `postinstall`): its harfbuzz text shaper runs inside workerd, and shaped
// glyph offsets go the right way up. Part A (workerd) edits dist/standalone.*; part B (offsets) every build.
//
// B. Mark offsets: satori adds harfbuzz's y offset (which points up, font units) to the SVG y (which points
// down), so Arabic dots, Hebrew points and other positioned marks are drawn mirrored about the baseline:
// Naskh's dots float above the letters. Subtracting it is the fix (seen in goldens/arabic; no newer satori).
//
// C. Font fallback per code point: satori's font resolver remembers the face it chose for a character by
// `charCodeAt(0)`, the first UTF-16 unit, so every character outside the Basic Multilingual Plane that shares a
// high surrogate (1,024 code points: 🜑 U+1F711 and 🗫 U+1F5EB, 𝐀 and 𝔅…) gets the face chosen for the first one
// seen, whether or not it has the glyph. Runs shaped that way are kept in a cache shared by every later render with
// the same fonts, so a measuring pass could read a run shaped for another card and set a line narrower than the
// draw (a property test found "🗫悔" measured 41 px wide and drawn 55 px after a card with "🜑🗫"). Keyed by
// `codePointAt(0)` the choice is per character. No newer satori (0.63.2 is the latest on npm, 2026-10-20).
//
// A. workerd:
// Why: satori bundles harfbuzzjs (hb.wasm inlined as base64) with an emscripten loader that
//   1. reads `self.location.href` when `WorkerGlobalScope` exists; workerd has no `self.location`, so the
//      loader throws `TypeError: Cannot read properties of undefined (reading 'href')`;
//   2. is started at module evaluation, with no options, so nobody can hand it an `instantiateWasm` hook;
//   3. compiles hb.wasm from bytes, which workerd forbids (only wasm imported as a module may run);
//   4. wraps a plain JS function with `addFunction(fn, "vi")`; putting a JS function into a wasm table
//      throws, and emscripten's fallback compiles a tiny wasm module from bytes, forbidden again.
// What: six anchored, idempotent string edits to dist/standalone.js (+ its .d.ts), each explained below.
// Node keeps working unchanged: without `initHarfBuzz`, the bundled copy is compiled as before.
// Why not patch-package: dist/standalone.js is minified into a 580 KB first line, so a line diff would be
// a 1.2 MB unreadable patch; these edits are a few dozen readable characters each.
// When satori is bumped, this script refuses to run until the anchors are re-checked for the new build.
//
// Safety: every file's SHA-256 is checked before (the published 0.63.2 build, or this script's own output) and the
// result after (exactly the expected bytes), all five files are prepared before any is written, and each is written
// to a temporary file and renamed over the original, so a failure leaves satori as it was, never half patched.
// Last, a marker file says the patch is in; the Node and workerd runtimes refuse to render without it (a user who
// installed with --ignore-scripts is told to run `npm rebuild` or `node patches/satori.mjs`).
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const SATORI_VERSION = '0.63.2';
/**
 * Raised with every new edit; written into the marker, and src/runtime/satori-patch.ts's PATCH_LEVEL must equal it, so
 * a checkout whose node_modules were patched by an older version of this script is told to run it again.
 */
const PATCH_LEVEL = 3;
const require = createRequire(import.meta.url);
// The installed satori, or (for tests) a copy of it named on the command line.
const root = process.argv[2] ?? dirname(require.resolve('satori/package.json'));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (version !== SATORI_VERSION) {
  fail(`expected satori ${SATORI_VERSION}, found ${version}; re-check the anchors in patches/satori.mjs`);
}

const js = [
  {
    why: '1. do not read self.location when the worker global has none (workerd)',
    from: 'typeof __filename<"u"?A=__filename:B&&(A=self.location.href)',
    to: 'typeof __filename<"u"?A=__filename:B&&self.location&&(A=self.location.href)',
  },
  {
    why: '4. register the wasm export `free` itself, not a JS wrapper, as the blob destructor',
    from: 'var n=t(function(m){g.free(m)},"vi")',
    to: 'var n=t(g.free,"vi")',
  },
  {
    // The original wrapper also left its promise pending forever when the glue threw; this one rejects.
    why: '2+3. create harfbuzz on first use, instantiating a module given to initHarfBuzz() if any',
    from: 'var ta=cA((XM,Ia)=>{var af=Aa(),cf=ea();Ia.exports=new Promise(function(A,g){cf().then(e=>{A(af(e))},g)})});',
    to:
      'var __satoriHbModule=null;function __satoriInitHarfBuzz(A){if(!(A instanceof WebAssembly.Module))' +
      'throw new TypeError("initHarfBuzz(module): expected a WebAssembly.Module of harfbuzzjs/hb.wasm, received "+' +
      '(A===null?"null":typeof A));__satoriHbModule=A}' +
      'var ta=cA((XM,Ia)=>{var af=Aa(),cf=ea(),p=null;Ia.exports=()=>p??=(m=>' +
      'cf(m?{instantiateWasm(i,s){s(new WebAssembly.Instance(m,i),m);return{}}}:{}).then(af))(__satoriHbModule)});',
  },
  {
    why: '2. await the lazily created harfbuzz promise',
    from: 'Kg=await Ba.default,',
    to: 'Kg=await Ba.default(),',
  },
  {
    why: '3. skip decoding the inlined base64 copy when a module was handed over (saves CPU per cold start)',
    from: ',D=typeof Buffer=="function"?new Uint8Array(Buffer.from(u,"base64"))',
    to: ',D=t.instantiateWasm?null:typeof Buffer=="function"?new Uint8Array(Buffer.from(u,"base64"))',
  },
  {
    why: '3. export initHarfBuzz next to init',
    from: 'export{xG as default,Sy as init};',
    to: 'export{xG as default,Sy as init,__satoriInitHarfBuzz as initHarfBuzz};',
  },
];

const dts = [
  {
    why: 'type of initHarfBuzz',
    from: 'declare function init(input: InitInput): Promise<void>;\n',
    to:
      'declare function init(input: InitInput): Promise<void>;\n' +
      '/**\n' +
      ' * (patched in by storycard, patches/satori-workerd.mjs) Gives the harfbuzz text shaper its wasm as a\n' +
      ' * precompiled `WebAssembly.Module` of harfbuzzjs/hb.wasm, for runtimes that cannot compile wasm from\n' +
      ' * bytes (workerd). Call before the first render; without it the bundled copy is compiled.\n' +
      ' */\n' +
      'declare function initHarfBuzz(module: WebAssembly.Module): void;\n',
  },
  {
    why: 'export initHarfBuzz',
    from: 'satori as default, init };',
    to: 'satori as default, init, initHarfBuzz };',
  },
];

const markOffsets = (from, to) => [{ why: 'B. harfbuzz y offsets point up; SVG y points down', from, to }];
const perCodePoint = (memo, key) => [
  {
    why: 'C. the font chosen for a character is remembered per code point, not per UTF-16 unit',
    from: `let ${key}=y.charCodeAt(0);if(${memo}.has(${key}))`,
    to: `let ${key}=y.codePointAt(0);if(${memo}.has(${key}))`,
  },
];

/** SHA-256 of each file as published in satori 0.63.2, and as this script leaves it. */
const FILES = [
  {
    rel: 'dist/standalone.js',
    edits: [...js, ...markOffsets('j=c+k.dy*U', 'j=c-k.dy*U'), ...perCodePoint('s', 'x')],
    before: '855e22aaaaf366f63520b0515325930af46fe680c1efb09a0fb0a0d9e46c34c9',
    after: '884e8fec97b2dcc73b1323257221837fe1d7d480695680f540eaf4b422bb4b8b',
    // As the script left it before edit C.
    previous: ['5362ec4d849bd6fc295f592d3c5086bb5a2a6dc3140b70bb99087b1a6d9fde7f'],
  },
  {
    rel: 'dist/standalone.cjs',
    edits: [...markOffsets('j=c+k.dy*U', 'j=c-k.dy*U'), ...perCodePoint('s', 'x')],
    before: '003064bb2d3ae80aa3986d113ecb5cd1c46dcc1bbc5b8eead3ad7a6e6ceef7e7',
    after: '9ed220d026fc3a43ae212e190579716c3672137153911e66f7061f4d56ce5acb',
    // As the script left it before edit C.
    previous: ['84eed9324ec2e958a424b18c450d88003012aaf447c804f16a73bffac20a2bf2'],
  },
  {
    rel: 'dist/index.js',
    edits: [...markOffsets('z=c+Y.dy*b', 'z=c-Y.dy*b'), ...perCodePoint('a', 'K')],
    before: '27a91723f4c0d1c5698b27f1500d9ebd68c01cc9534473babb22ce482e0b0437',
    after: '87f042e0921d709ffdec20faeb8e80f9c4c88d2fdbeb6bba2d1ebe8502860621',
    // As the script left it before edit C.
    previous: ['391c5c85e37e1e47cf34b0886697ba7cac9fa00e59606d434990f8164b5cabef'],
  },
  {
    rel: 'dist/index.cjs',
    edits: [...markOffsets('z=c+Y.dy*b', 'z=c-Y.dy*b'), ...perCodePoint('a', 'K')],
    before: '51df477223d99792447b4b4f98cf212233e2a66a78410174c292d727810c9a43',
    after: '448023327117c9a73f8022d97ea6a910e357aa6c4995004a940c09ce7c8d7e09',
    // As the script left it before edit C.
    previous: ['d0b7c65e8d130bf435ff38c61c95a7aec61aa9d0dd34478f9133a90bd4dbba89'],
  },
  {
    rel: 'dist/standalone.d.ts',
    edits: dts,
    before: 'ccb87b369195735c416db1c03bfda40eeb2aca1af7de5d22ce69ca45e84691e0',
    after: 'c33f5625fd0031b5e0bce0088edd9a2abd4cc56725495fa06885daf709ecc160',
  },
];
/** Read by src/runtime/satori-patch.ts: present only once every file above is patched. */
const MARKER = '.storycard-patched.json';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

// 1. Plan: each file's new text, in memory; nothing is written if any file is not what we expect.
const plans = FILES.map(({ rel, edits, before, after, previous = [] }) => {
  const file = join(root, rel);
  const original = readFileSync(file, 'utf8');
  const found = sha256(original);
  if (found === after) return { rel, file, original, text: original, applied: 0, total: edits.length };
  const earlier = found !== before && previous.includes(found);
  if (found !== before && !earlier) {
    fail(
      `satori/${rel}: sha256 ${found} is neither satori ${SATORI_VERSION} as published nor its patched form; ` +
        'reinstall it (rm -rf node_modules/satori && npm ci) and run this again',
    );
  }
  let text = original;
  let applied = 0;
  for (const { why, from, to } of edits) {
    // Patched by an earlier version of this script: its edits are in, only the newer ones are made.
    if (earlier && text.includes(to) && !text.includes(from)) continue;
    applied++;
    const count = text.split(from).length - 1;
    if (count !== 1) fail(`satori/${rel}: anchor for "${why}" found ${count} times, expected once`);
    text = text.replace(from, () => to);
  }
  // 2. Verify the result before anything is written.
  if (sha256(text) !== after) fail(`satori/${rel}: the patched text's sha256 is ${sha256(text)}, expected ${after}`);
  return { rel, file, original, text, applied, total: edits.length };
});
checkHarfBuzzCopy(plans[0].text);

// 3. Write: every changed file to a temporary beside it, then all renamed over the originals.
const changed = plans.filter((p) => p.applied > 0);
const temp = (p) => `${p.file}.${process.pid}.tmp`;
try {
  for (const p of changed) writeFileSync(temp(p), p.text);
} catch (e) {
  for (const p of changed) rmSync(temp(p), { force: true });
  fail(`could not write the patched files (${e.message}); satori is unchanged`);
}
const renamed = [];
try {
  for (const p of changed) {
    renameSync(temp(p), p.file);
    renamed.push(p);
  }
} catch (e) {
  // Put back what was already replaced, so satori is either wholly patched or as it was.
  for (const p of renamed) writeFileSync(p.file, p.original);
  for (const p of changed) rmSync(temp(p), { force: true });
  fail(`could not replace the files (${e.message}); satori is unchanged`);
}
// 4. Check what is on disk now, then mark the package as patched.
for (const { rel, file } of plans) {
  const found = sha256(readFileSync(file, 'utf8'));
  const { after } = FILES.find((f) => f.rel === rel);
  if (found !== after) fail(`satori/${rel}: after writing, sha256 ${found}, expected ${after}`);
}
writeFileSync(
  join(root, MARKER),
  `${JSON.stringify({ satori: SATORI_VERSION, patch: PATCH_LEVEL, files: Object.fromEntries(FILES.map((f) => [f.rel, f.after])) }, null, 2)}\n`,
);
for (const p of plans)
  console.log(`satori/${p.rel}: ${p.applied} edit(s) applied, ${p.total - p.applied} already present`);

/** The Worker imports harfbuzzjs/hb.wasm (our own dependency) for glue code bundled in satori: they must match. */
function checkHarfBuzzCopy(standalone) {
  const bundled = standalone.match(/"(AGFzbQ[A-Za-z0-9+/=]+)"/)?.[1];
  const ours = readFileSync(require.resolve('harfbuzzjs/hb.wasm'));
  if (!bundled || !Buffer.from(bundled, 'base64').equals(ours)) {
    fail('harfbuzzjs/hb.wasm differs from the copy inlined in satori; pin harfbuzzjs to the version satori depends on');
  }
}

function fail(message) {
  console.error(`patches/satori.mjs: ${message}`);
  process.exit(1);
}
