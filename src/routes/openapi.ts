// The public API mounted in one place, and GET /openapi.json generated from the routes' own createRoute definitions
// (src/routes/api.ts): the very schemas that validate requests. Nothing here describes a route by hand.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { cards } from './cards.ts';
import type { AppEnv } from './context.ts';
import { extract } from './extract.ts';
import { feeds } from './feeds.ts';
import { health } from './health.ts';
import { posts } from './posts.ts';
import { share } from './share.ts';
import { stories } from './stories.ts';

/** Mounts every public route and the document that describes them (tests build the document from this alone). */
export function mountApi(app: OpenAPIHono<AppEnv>): void {
  app.route('/', health);
  app.route('/', share);
  app.route('/', cards);
  app.route('/api/stories', stories);
  app.route('/api/posts', posts);
  app.route('/api/extract', extract);
  app.route('/api/feeds', feeds);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'API_TOKEN',
  });
  app.doc('/openapi.json', (c) => ({
    openapi: '3.0.3',
    info: {
      title: 'storycard',
      version: '1',
      description:
        'Share cards and share pages for news stories. Write stories with the API; share `shareUrl`; crawlers read its tags.',
    },
    servers: [{ url: c.var.baseUrl }],
    security: [{ bearer: [] }],
  }));
}
