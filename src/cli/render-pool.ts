// Renders a batch of cards on every core: one worker thread per core, jobs handed out as each one finishes.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ErrorCode, STATUS, StorycardError } from '../errors.ts';
import { type RenderJob, type RenderJobResult, runJob } from './render-job.ts';

type Reply =
  | { ok: true; result: RenderJobResult }
  | { ok: false; id: number; error: { message: string; code?: string } };

/**
 * Calls `done` with each result as it arrives (in completion order) and resolves when all are done. Fewer jobs than
 * two render inline: starting a thread (tsx, satori, resvg, fonts) costs more than one card.
 */
export async function renderAll(jobs: RenderJob[], done: (r: RenderJobResult) => Promise<void>): Promise<void> {
  const threads = Math.min(availableParallelism(), jobs.length);
  if (threads < 2) {
    for (const job of jobs) await done(await runJob(job));
    return;
  }
  const queue = [...jobs];
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./render-worker.mjs', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let chain = Promise.resolve();
            const next = () => {
              const job = queue.shift();
              if (job) worker.postMessage(job);
              else chain.then(resolve, reject);
            };
            worker.on('message', (reply: Reply) => {
              if (!reply.ok) {
                queue.length = 0;
                const { message, code } = reply.error;
                reject(code && code in STATUS ? new StorycardError(code as ErrorCode, message) : new Error(message));
                return;
              }
              chain = chain.then(() => done(reply.result));
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
