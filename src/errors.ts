// One small error family: every expected failure carries a code, and the code decides the HTTP status.

export type ErrorCode =
  | 'invalid_story'
  | 'invalid_request'
  | 'invalid_json'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unknown_template'
  | 'unsupported_size'
  | 'conflict'
  | 'rate_limited'
  | 'render_budget'
  | 'render_failed'
  | 'upstream_failed';

export const STATUS: Record<ErrorCode, number> = {
  invalid_story: 400,
  invalid_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unknown_template: 400,
  unsupported_size: 400,
  conflict: 409,
  rate_limited: 429,
  render_budget: 422,
  render_failed: 500,
  upstream_failed: 502,
};

/** One problem with one field: where, what was expected, what was received. */
export interface FieldIssue {
  path: string;
  expected: string;
  received: string;
  message: string;
}

export class StorycardError extends Error {
  override name = 'StorycardError';
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, options?: { issues?: FieldIssue[]; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options?.issues;
  }

  get status(): number {
    return STATUS[this.code];
  }

  toJSON(): { error: ErrorCode; message: string; issues?: FieldIssue[] } {
    return this.issues
      ? { error: this.code, message: this.message, issues: this.issues }
      : { error: this.code, message: this.message };
  }
}

export const isStorycardError = (e: unknown): e is StorycardError => e instanceof StorycardError;

/** The 404 for an id that names nothing: `no story with id "…"`. */
export const notFound = (what: 'story' | 'post', id: string) =>
  new StorycardError('not_found', `no ${what} with id ${JSON.stringify(id)}`);
