// What every CLI command is handed: its streams and environment, so tests can run commands in-process.

export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env?: Record<string, string | undefined>;
  /** Where relative paths and `.dev.vars` are found (default: the process's working directory). */
  cwd?: string;
}

/** Exit codes: 0 ok, 1 failure, 2 bad input (a bad story, file or flag). */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** One clear line on stderr, never a stack trace. */
export function fail(io: CliIO, message: string, code: number = EXIT.badInput): number {
  io.stderr.write(`storycard: ${message}\n`);
  return code;
}
