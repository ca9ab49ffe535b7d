// The outbox's states and transitions, described once: the D1 store (SQL), the CLI's memory store (arrays) and the
// /api/posts routes (their 409 messages) all take their guards from this table, and one contract suite
// (tests/contract/outbox-contract.ts) holds both stores to it.

export const OUTBOX_STATES = ['review', 'queued', 'posting', 'posted', 'failed', 'dead', 'skipped', 'dry-run'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface Transition {
  /** The states a row may be in for the transition to move it; any other state is refused (nothing changes). */
  readonly from: readonly OutboxState[];
  /** Where it moves the row ('same': the state is kept). */
  readonly to: OutboxState | 'same';
  /** Fenced: only the attempt holding the lease (its token) may make it; a taken-over attempt changes nothing. */
  readonly fenced?: true;
  /** Only a row no attempt was ever made on (its text may still change: no check looks for it yet). */
  readonly unattempted?: true;
  /** What a caller must offer, in words: the 409's "expected …". */
  readonly expected: string;
}

/**
 * Every transition of an outbox row. `claim` and `defer` also need the row to be due (isDue: queued/failed at its
 * time, posting once its lease ran out), and `claim` the account to be under its daily cap (countsAgainstCap).
 */
export const TRANSITIONS = {
  claim: { from: ['queued', 'failed', 'posting'], to: 'posting', expected: 'a due post nobody holds' },
  renew: { from: ['posting'], to: 'same', fenced: true, expected: 'a post this attempt holds' },
  markPosted: { from: ['posting'], to: 'posted', fenced: true, expected: 'a post this attempt holds' },
  reschedule: { from: ['posting'], to: 'failed', fenced: true, expected: 'a post this attempt holds' },
  markDead: { from: ['posting'], to: 'dead', fenced: true, expected: 'a post this attempt holds' },
  /** The post may exist and the platform cannot tell (Telegram, Instagram Stories): an editor decides. */
  hold: { from: ['posting'], to: 'review', fenced: true, expected: 'a post this attempt holds' },
  defer: { from: ['queued', 'failed', 'posting'], to: 'same', expected: 'a due post nobody holds' },
  requeue: { from: ['queued', 'failed', 'dead'], to: 'queued', expected: 'a failed, dead or queued post' },
  approve: { from: ['review'], to: 'queued', expected: 'a post waiting for review' },
  /** Review mode without credentials: approving records what would have been sent, as dry-run mode does. */
  approveAsDryRun: { from: ['review'], to: 'dry-run', expected: 'a post waiting for review' },
  skip: { from: ['review', 'queued', 'failed', 'dead'], to: 'skipped', expected: 'a post not yet sent' },
  /** An editor's text: while it waits for review, or queued in the editor's window (POST_DELAY_MINUTES). */
  editText: {
    from: ['review', 'queued'],
    to: 'same',
    unattempted: true,
    expected: 'a post waiting for review or for its first attempt (its text is frozen once an attempt was made)',
  },
} as const satisfies Record<string, Transition>;
export type TransitionName = keyof typeof TRANSITIONS;

/** Does `t` accept a row in `state` (the state part of its guard)? */
export const accepts = (t: TransitionName, state: OutboxState): boolean =>
  (TRANSITIONS[t].from as readonly OutboxState[]).includes(state);

/** The guard's states as an SQL list, for the D1 store: `'review', 'queued'`. */
export const sqlStates = (t: TransitionName): string => TRANSITIONS[t].from.map((s) => `'${s}'`).join(', ');

/** Why a row in a state is refused, in an editor's words (the 409's parenthesis). */
const WHY: Partial<Record<OutboxState, string>> = {
  posting: 'an attempt is in progress',
  posted: 'it is already posted',
  'dry-run': 'it is a dry-run record',
  review: 'it waits for review: approve it',
  skipped: 'an editor skipped it',
};

/** The refusal of `t` for a row in `state`: `expected …, received <state> (why)`. */
export function refusal(t: TransitionName, state: OutboxState, attempted = false): string {
  const why = accepts(t, state) && attempted ? 'an attempt was already made' : WHY[state];
  return `expected ${TRANSITIONS[t].expected}, received ${state}${why ? ` (${why})` : ''}`;
}

/** The facts the guards read. */
export interface GuardedRow {
  state: OutboxState;
  nextAttemptAt: number | null;
  leaseUntil: number | null;
  postedAt: number | null;
  firstAttemptAt: number | null;
}

/** Is this row claimable at `now` (due), ignoring the cap? The D1 store's CLAIMABLE is the same rule in SQL. */
export function isDue(row: GuardedRow, now: number): boolean {
  if (row.state === 'posting') return (row.leaseUntil ?? 0) < now;
  return (row.state === 'queued' || row.state === 'failed') && (row.nextAttemptAt ?? Infinity) <= now;
}

/** A post that counts against its account's daily cap: posted since `dayStart`, or being posted (lease alive). */
export function countsAgainstCap(row: GuardedRow, dayStart: number, now: number): boolean {
  return (
    (row.state === 'posted' && (row.postedAt ?? 0) >= dayStart) ||
    (row.state === 'posting' && (row.leaseUntil ?? 0) >= now)
  );
}
