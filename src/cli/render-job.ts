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
  /** FETCH_ALLOW_HOSTS, parsed as the Worker parses it: hosts exempt from the private-address block on images. */
  allowHosts?: string[];
  /** --templates DIR (absolute): a newsroom's own templates, loaded in each thread (a registry holds functions). */
  templatesDir?: string;
}

export interface RenderJobResult {
  id: number;
  image: Uint8Array;
  report: RenderReport;
  /** Which thread rendered it (0: the main thread). */
  thread: number;
}

// One runtime per allow-list (a batch has one), so fonts are loaded once per thread.
const runtimes = new Map<string, RenderRuntime>();
const registries = new Map<string, Promise<TemplateRegistry>>();

export async function runJob(job: RenderJob): Promise<RenderJobResult> {
  const allowHosts = job.allowHosts ?? [];
  const key = allowHosts.join(',');
  let runtime = runtimes.get(key);
  if (!runtime) {
    runtime = createNodeRuntime({ fetchPolicy: { allowHosts } });
    runtimes.set(key, runtime);
  }
  let registry = registries.get(job.templatesDir ?? '');
  if (!registry) {
    registry = loadTemplates(job.templatesDir);
    registries.set(job.templatesDir ?? '', registry);
  }
  const templates = await registry;
  const { story, template, size, theme, format } = job;
  const result = await renderCard({ story, template, size, theme, format }, runtime, templates);
  return { id: job.id, image: result.image, report: result.report, thread: threadId };
}
