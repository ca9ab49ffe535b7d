// Types for `.wasm` imports: wrangler's CompiledWasm rule (and the vitest plugin) hand them over as compiled modules.
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
