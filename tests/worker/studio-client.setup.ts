// Bundles the studio's browser script before the worker tests import the Worker (it serves the bundle as /studio/studio.js).
import { buildStudioClient } from '../../scripts/build-studio.mjs';

export default async function setup() {
  await buildStudioClient();
}
