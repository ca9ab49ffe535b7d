// The studio's stylesheet, part 4: the outbox view (posts by state, the editor's buttons, today's counts).
export const OUTBOX_CSS = `
.outbox-today { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 6px 0 14px; font-size: 12.5px; color: var(--ink-2); }
.outbox-today .today { background: #fff; border: 1px solid var(--line); border-radius: 99px; padding: 4px 10px; font-variant-numeric: tabular-nums; }
.outbox-today .today b { color: var(--ink); }
.outbox-today .today.over { border-color: var(--warn-line); background: var(--warn-bg); color: var(--warn); }
.outbox-today .today-reset { color: var(--ink-3); }
.outbox { display: grid; gap: 22px; }
.outbox-group h3 { font: 700 18px/1.1 var(--serif); margin: 0 0 10px; }
.outbox-empty { color: var(--ink-3); margin: 0; font-size: 12.5px; }
.post { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; margin-bottom: 10px; max-width: 720px; }
.post header { display: flex; gap: 10px; align-items: baseline; margin-bottom: 6px; font-size: 12px; }
.post .platform { font-weight: 700; color: var(--ink); }
.post .state { font-weight: 600; padding: 1px 7px; border-radius: 99px; background: var(--sunk); color: var(--ink-2); }
.post .state-review { background: var(--warn-bg); color: var(--warn); }
.post .state-posted { background: var(--ok-bg); color: var(--ok); }
.post .state-dead { background: #fdecea; color: var(--bad); }
.post .account { color: var(--ink-3); margin-left: auto; }
.post-text { white-space: pre-wrap; margin: 0 0 6px; font-size: 13.5px; line-height: 1.45; overflow-wrap: anywhere; }
.post-edit { width: 100%; font: inherit; font-size: 13.5px; margin-bottom: 6px; }
.post-meta { color: var(--ink-3); font-size: 12px; margin: 0 0 4px; }
.post-error { color: var(--bad); font-size: 12px; margin: 0 0 4px; overflow-wrap: anywhere; }
.post-actions { display: flex; gap: 8px; margin-top: 8px; }
.post-problem { color: var(--bad); font-size: 12px; margin: 6px 0 0; }
.post-problem:empty { display: none; }
`;
