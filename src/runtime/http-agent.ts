// The plain-http Agent a Node-style HTTP client needs to reach a local fake (X_API_BASE_URL=http://…): Node and workerd.
import { Agent } from 'node:http';

/**
 * twitter-api-v2 calls node:https' request(); a plain-http target needs an http Agent. Posters get it from here
 * (through createPosters), so no poster imports node: itself. workerd provides node:http under nodejs_compat.
 */
export const plainHttpAgent = (): Agent => new Agent({ keepAlive: false });
