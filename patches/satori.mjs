// Patches satori 0.63.2 (run by `postinstall`): its harfbuzz text shaper runs inside workerd, and shaped
// glyph offsets go the right way up. Part A (workerd) edits dist/standalone.*; part B (offsets) every build.
//
// B. Mark offsets: satori adds harfbuzz's y offset (which points up, font units) to the SVG y (which points
// down), so Arabic dots, Hebrew points and other positioned marks are drawn mirrored about the baseline:
// Naskh's dots float above the letters. Subtracting it is the fix (seen in goldens/arabic; no newer satori).
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
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const SATORI_VERSION = '0.63.2';
const require = createRequire(import.meta.url);
const root = dirname(require.resolve('satori/package.json'));
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

patchFile('dist/standalone.js', [...js, ...markOffsets('j=c+k.dy*U', 'j=c-k.dy*U')]);
patchFile('dist/standalone.cjs', markOffsets('j=c+k.dy*U', 'j=c-k.dy*U'));
patchFile('dist/index.js', markOffsets('z=c+Y.dy*b', 'z=c-Y.dy*b'));
patchFile('dist/index.cjs', markOffsets('z=c+Y.dy*b', 'z=c-Y.dy*b'));
patchFile('dist/standalone.d.ts', dts);
checkHarfBuzzCopy();

function patchFile(rel, edits) {
  const file = join(root, rel);
  let text = readFileSync(file, 'utf8');
  let applied = 0;
  for (const { why, from, to } of edits) {
    if (text.includes(to)) continue;
    const count = text.split(from).length - 1;
    if (count !== 1) fail(`satori/${rel}: anchor for "${why}" found ${count} times, expected once`);
    text = text.replace(from, () => to);
    applied++;
  }
  if (applied > 0) writeFileSync(file, text);
  console.log(`satori/${rel}: ${applied} edit(s) applied, ${edits.length - applied} already present`);
}

/** The Worker imports harfbuzzjs/hb.wasm (our own dependency) for glue code bundled in satori: they must match. */
function checkHarfBuzzCopy() {
  const bundled = readFileSync(join(root, 'dist/standalone.js'), 'utf8').match(/"(AGFzbQ[A-Za-z0-9+/=]+)"/)?.[1];
  const ours = readFileSync(require.resolve('harfbuzzjs/hb.wasm'));
  if (!bundled || !Buffer.from(bundled, 'base64').equals(ours)) {
    fail('harfbuzzjs/hb.wasm differs from the copy inlined in satori; pin harfbuzzjs to the version satori depends on');
  }
}

function fail(message) {
  console.error(`patches/satori.mjs: ${message}`);
  process.exit(1);
}
