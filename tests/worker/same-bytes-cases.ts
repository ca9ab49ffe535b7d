// The cards both runtimes must encode to the same bytes (tests/worker/same-bytes.test.ts and its Node setup).
import type { RenderRequest } from '../../src/render/types.ts';
import { DEMO_STORY, parseStory } from '../../src/story/schema.ts';

export function SAME_BYTES_CASES(photoUrl: string): Record<string, RenderRequest> {
  const demo = parseStory(DEMO_STORY);
  const photo = parseStory({ ...DEMO_STORY, imageUrl: photoUrl });
  return {
    'quote og png (palette)': { story: demo, template: 'quote', size: 'og', format: 'png' },
    'quote og jpeg': { story: demo, template: 'quote', size: 'og', format: 'jpeg' },
    'quote og webp': { story: demo, template: 'quote', size: 'og', format: 'webp' },
    'photo og png (RGB)': { story: photo, template: 'photo', size: 'og', format: 'png' },
    'photo og auto (JPEG)': { story: photo, template: 'photo', size: 'og', format: 'auto' },
  };
}
