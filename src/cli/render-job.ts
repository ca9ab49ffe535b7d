// One card of a `storycard render` batch: rendered in a worker thread (or inline), returned as bytes and a report.
import { threadId } from 'node:worker_threads';
import { renderCard } from '../render/index.ts';
import type { TemplateRegistry } from '../render/registry.ts';
import type { Format, RenderReport, RenderRuntime, SizeName, Theme } from '../render/types.ts';
import { createNodeRuntime } from '../runtime/node.ts';
import type { Story } from '../story/schema.ts';
import { loadTemplates } from './templates-source.ts';

export interface RenderJob {
  id: number;
  story: Story;
  template: string;
  size: SizeName;
  theme: Partial<Theme>;
  format: Format;
}

export interface RenderJobResult {
  id: number;
  image: Uint8Array;
  report: RenderReport;
  /** Which thread rendered it (0: the main thread). */
  thread: number;
}

let runtime: RenderRuntime | undefined;
let templates: TemplateRegistry | undefined;

export async function runJob(job: RenderJob): Promise<RenderJobResult> {
  runtime ??= createNodeRuntime();
  templates ??= await loadTemplates();
  const { story, template, size, theme, format } = job;
  const result = await renderCard({ story, template, size, theme, format }, runtime, templates);
  return { id: job.id, image: result.image, report: result.report, thread: threadId };
}
