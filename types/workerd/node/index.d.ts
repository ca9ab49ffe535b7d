// The Worker's "node" types: only the Node APIs workerd provides under nodejs_compat that Worker code uses. Found
// through tsconfig.worker.json's typeRoots, so a package's `/// <reference types="node" />` (twitter-api-v2) lands
// here instead of @types/node, and `import 'node:fs'` or `process.cwd()` in Worker code fails the type-check.
// Add a module (or a member) here only when workerd implements it: https://developers.cloudflare.com/workers/runtime-apis/nodejs/

declare module 'node:zlib' {
  /** workerd's own zlib (the PNG encoder's deflate). */
  export function deflateSync(data: Uint8Array, options?: { level?: number }): Uint8Array<ArrayBuffer>;
}

declare module 'node:http' {
  /** For twitter-api-v2's plain-http transport (the local fake X). */
  export class Agent {
    constructor(options?: { keepAlive?: boolean });
  }
}

/** twitter-api-v2 takes media as a Buffer. */
declare class Buffer extends Uint8Array {
  static from(data: Uint8Array | ArrayBuffer | string): Buffer;
}
