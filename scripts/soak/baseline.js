// The soak's baseline (npm run soak -- --baseline): a Worker that does nothing, under the same wrangler dev, so the
// memory wrangler dev itself takes per request can be told from storycard's.
export default {
  fetch: () => new Response('not found', { status: 404 }),
};
