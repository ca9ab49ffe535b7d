// A worker thread of `storycard render`: registers the TSX hook (hooks are per thread), then renders each job it is sent.
import { parentPort } from 'node:worker_threads';
import './tsx-hooks.mjs';

const { runJob } = await import('./render-job.ts');

parentPort.on('message', async (job) => {
  try {
    const result = await runJob(job);
    parentPort.postMessage({ ok: true, result }, [result.image.buffer]);
  } catch (error) {
    // StorycardErrors keep their code across the thread boundary, so bad input still exits 2.
    const e = /** @type {{ message?: string, code?: string }} */ (error);
    parentPort.postMessage({ ok: false, id: job.id, error: { message: e?.message ?? String(error), code: e?.code } });
  }
});
