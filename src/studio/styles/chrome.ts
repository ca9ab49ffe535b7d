// The studio's stylesheet, part 1: palette, font stacks, layout, fields, buttons, stage and inspector.
export const CHROME_CSS = `
:root {
  --paper: #f3f1ec;
  --panel: #fffefb;
  --sunk: #ebe8e1;
  --ink: #16171b;
  --ink-2: #555a63;
  --ink-3: #878b93;
  --line: #e1ddd4;
  --line-2: #cfcac0;
  --accent: #c8102e;
  --accent-ink: #9f0b23;
  --focus: #1f5fe0;
  --warn: #8a4b00;
  --warn-bg: #fff3dc;
  --warn-line: #f0c987;
  --ok: #1d6f48;
  --ok-bg: #e3f4ea;
  --bad: #b3261e;
  --radius: 10px;
  --shadow: 0 1px 2px rgba(22, 23, 27, 0.06), 0 8px 24px rgba(22, 23, 27, 0.08);
  /* Only faces /studio/fonts.css declares (never the system's): the studio looks the same on every machine. */
  --scripts: "Storycard Arabic", "Storycard Hebrew", "Storycard JP", "Storycard KR", "Storycard SC", "Storycard TC",
    "Storycard Symbols", "Storycard Math";
  --ui: "Storycard Sans", var(--scripts);
  --serif: "Storycard Serif", "Storycard Naskh", "Storycard Serif Hebrew", var(--ui);
  --mono: "JetBrains Mono", var(--ui);
  color-scheme: light;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--paper); color: var(--ink);
  font: 400 13.5px/1.45 var(--ui); -webkit-font-smoothing: antialiased;
  display: flex; flex-direction: column; min-height: 100vh;
}
[hidden] { display: none !important; }
h2 { font: 600 11px/1.2 var(--ui); text-transform: uppercase; letter-spacing: 0.08em; color: var(--ink-2); margin: 0 0 12px; }
code, kbd { font: 400 12px/1 var(--mono); }
kbd { border: 1px solid var(--line-2); border-bottom-width: 2px; border-radius: 4px; padding: 1px 5px; background: var(--panel); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: 12px; top: -60px; background: var(--ink); color: #fff; padding: 8px 12px; border-radius: 6px; z-index: 10; }
.skip:focus { top: 10px; }

/* Top bar */
.topbar {
  display: grid; grid-template-columns: 1fr auto 1fr; align-items: center; gap: 16px;
  height: 56px; padding: 0 20px; background: var(--ink); color: #f4f2ee; position: sticky; top: 0; z-index: 5;
}
.brand { display: flex; align-items: baseline; gap: 8px; }
.mark { width: 14px; height: 14px; border-radius: 3px; background: var(--accent); align-self: center; box-shadow: 5px 5px 0 -1px #f4f2ee33; }
.wordmark { font: 700 20px/1 var(--serif); letter-spacing: -0.01em; }
.product { font: 500 12px/1 var(--ui); color: #a7abb3; text-transform: uppercase; letter-spacing: 0.12em; }
.views { display: flex; gap: 2px; background: #2a2d34; padding: 3px; border-radius: 9px; }
.views button {
  border: 0; background: transparent; color: #c9ccd2; font: 600 13px/1 var(--ui); padding: 9px 16px; border-radius: 7px; cursor: pointer;
}
.views button:hover { color: #fff; }
.views button[aria-selected="true"] { background: #f4f2ee; color: var(--ink); }
.views button:focus-visible { outline-color: #8fb2ff; }
.topbar-end { display: flex; justify-content: flex-end; align-items: center; gap: 12px; }
.render-status { font-size: 12px; color: #a7abb3; font-variant-numeric: tabular-nums; }
.render-status.busy::before { content: ""; display: inline-block; width: 7px; height: 7px; border-radius: 50%; background: #f2b134; margin-right: 6px; animation: pulse 0.9s ease-in-out infinite alternate; }
@keyframes pulse { from { opacity: 0.3; } to { opacity: 1; } }
.topbar .ghost { color: #e3e1dc; border-color: #454952; background: transparent; }
.topbar .ghost:hover { background: #2a2d34; }

/* Layout */
.layout { flex: 1; display: grid; grid-template-columns: 340px minmax(0, 1fr) 320px; min-height: 0; }
body[data-view="gallery"] .layout { grid-template-columns: minmax(0, 1fr); }
body[data-view="gallery"] .sidebar, body[data-view="gallery"] .inspector { display: none; }
.sidebar, .inspector { background: var(--panel); overflow: auto; max-height: calc(100vh - 56px); position: sticky; top: 56px; min-width: 0; }
.sidebar { border-right: 1px solid var(--line); padding: 18px 20px 28px; }
.inspector { border-left: 1px solid var(--line); padding: 18px 18px 28px; }
.main { min-width: 0; padding: 20px 28px 40px; }
.group + .group { border-top: 1px solid var(--line); margin-top: 18px; padding-top: 18px; }
.group-head { display: flex; justify-content: space-between; align-items: center; margin-bottom: 12px; }
.group-head h2 { margin: 0; }

/* Fields */
.field { margin: 0 0 12px; border: 0; padding: 0; min-width: 0; }
.field > label, legend, .label-row label { display: block; font-weight: 600; font-size: 12.5px; color: var(--ink); margin-bottom: 5px; padding: 0; }
.label-row { display: flex; justify-content: space-between; align-items: baseline; }
.hint { font-weight: 400; color: var(--ink-3); }
.count { font-size: 11.5px; color: var(--ink-3); font-variant-numeric: tabular-nums; }
.count.over { color: var(--bad); font-weight: 600; }
.row2 { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
input[type="text"], input[type="url"], input[type="password"], textarea, select {
  width: 100%; font: inherit; color: var(--ink); background: #fff; border: 1px solid var(--line-2); border-radius: 7px; padding: 7px 9px;
  transition: border-color 0.12s, box-shadow 0.12s;
}
textarea { resize: vertical; min-height: 44px; line-height: 1.4; }
#f-headline { font: 700 15px/1.3 var(--serif); }
input:hover, textarea:hover, select:hover { border-color: #b3ada2; }
input:focus-visible, textarea:focus-visible, select:focus-visible { outline: none; border-color: var(--focus); box-shadow: 0 0 0 3px #1f5fe033; }
[aria-invalid="true"] { border-color: var(--bad) !important; background: #fff8f7; }
.error { color: var(--bad); font-size: 12px; margin: 4px 0 0; }
.error:empty { display: none; }
.form-error { background: #fdecea; color: var(--bad); border: 1px solid #f3c2bd; border-radius: 8px; padding: 8px 10px; margin-bottom: 12px; font-size: 12.5px; }
.inline-select { display: flex; align-items: center; gap: 6px; font-size: 12px; color: var(--ink-2); font-weight: 500; }
.inline-select select { width: auto; max-width: 190px; padding: 4px 6px; font-size: 12.5px; }
.gallery-bar .inline-select select { max-width: 420px; }

/* Template list: radio cards */
.template-list { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
.template-desc { color: var(--ink-2); font-size: 12px; margin: 7px 0 0; line-height: 1.4; min-height: 2.8em; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.template-option { position: relative; display: block; cursor: pointer; }
.template-option input { position: absolute; opacity: 0; inset: 0; cursor: pointer; }
.template-option .box { display: block; border: 1px solid var(--line-2); border-radius: 8px; padding: 8px 10px; background: #fff; }
.template-option .name { display: block; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.template-option .needs { display: block; font-size: 11px; color: var(--ink-3); margin-top: 2px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.template-option input:checked + .box { border-color: var(--ink); box-shadow: inset 0 0 0 1px var(--ink); background: #fffdf8; }
.template-option input:focus-visible + .box { outline: 2px solid var(--focus); outline-offset: 2px; }

/* Segmented radios */
.segmented { display: flex; flex-wrap: wrap; gap: 0; background: var(--sunk); padding: 3px; border-radius: 8px; }
.segmented label { position: relative; flex: 1 1 auto; }
.segmented input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.segmented span { display: block; text-align: center; padding: 6px 8px; border-radius: 6px; font-weight: 600; font-size: 12.5px; color: var(--ink-2); white-space: nowrap; }
.segmented span small { display: block; font-weight: 400; font-size: 10.5px; color: var(--ink-3); }
.segmented input:checked + span { background: #fff; color: var(--ink); box-shadow: 0 1px 2px rgba(0,0,0,0.12); }
.segmented input:focus-visible + span { outline: 2px solid var(--focus); outline-offset: 1px; }
.segmented input:disabled + span { opacity: 0.4; text-decoration: line-through; }
.segmented input:disabled { cursor: not-allowed; }
.segmented.compact span { padding: 5px 10px; }
#sizes { display: grid; grid-template-columns: repeat(5, 1fr); }
#sizes span { padding: 6px 2px; }
.colour { display: flex; gap: 6px; }
.colour input[type="color"] { width: 38px; height: 34px; padding: 2px; border: 1px solid var(--line-2); border-radius: 7px; background: #fff; cursor: pointer; flex: none; }
.colour input[type="text"] { font-family: var(--mono); text-transform: uppercase; }
.shortcuts { color: var(--ink-3); font-size: 11.5px; margin-top: 18px; line-height: 2; }

/* Buttons */
button, .link-button {
  font: 600 13px/1 var(--ui); color: var(--ink); background: #fff; border: 1px solid var(--line-2); border-radius: 8px;
  padding: 9px 12px; cursor: pointer; text-align: center; text-decoration: none; display: inline-block;
}
button:hover, .link-button:hover { border-color: var(--ink-2); }
button:active { transform: translateY(1px); }
button:disabled { opacity: 0.5; cursor: default; transform: none; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.primary:hover { background: var(--accent-ink); }
button.small { padding: 6px 10px; font-size: 12px; }
.actions { display: grid; gap: 7px; }
.format-row { display: flex; align-items: center; gap: 8px; font-size: 12.5px; }
.format-row select { flex: 1; }
.action-result { font-size: 12.5px; margin-top: 10px; word-break: break-all; }
.action-result:empty { display: none; }
.action-result .ok { color: var(--ok); font-weight: 600; }
.action-result .bad { color: var(--bad); font-weight: 600; }
.action-result a { color: var(--focus); }
.action-result input { margin-top: 6px; font-family: var(--mono); font-size: 11.5px; }
.stories-field { margin-top: 16px; border-top: 1px solid var(--line); padding-top: 14px; }
.inline-row { display: flex; gap: 6px; }
.inline-row select { flex: 1; min-width: 0; }
.link-button { margin-top: 8px; width: 100%; }

/* Stage: its bar stays one line at any width (the size's long label gives way first, with an ellipsis) */
.stage-bar { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin-bottom: 12px; min-width: 0; }
.stage-title { display: flex; align-items: baseline; gap: 10px; min-width: 0; flex: 1 1 auto; white-space: nowrap; }
.pill { font: 700 18px/1 var(--serif); flex: none; }
.stage-size { color: var(--ink-2); font-size: 12.5px; font-variant-numeric: tabular-nums; flex: none; }
.stage-label { color: var(--ink-3); font-size: 12px; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.stage-label::before { content: "—"; margin-right: 8px; }
.stage-label:empty { display: none; }
.view-note { color: var(--warn); background: var(--warn-bg); border: 1px solid var(--warn-line); border-radius: 8px; padding: 8px 10px; margin: -6px 0 16px; font-size: 12.5px; }
.view-note:empty { display: none; }
.badge { font-size: 11px; font-weight: 600; padding: 4px 8px; border-radius: 99px; background: var(--sunk); color: var(--ink-2); letter-spacing: 0.02em; }
.badge.png { background: var(--ok-bg); color: var(--ok); }
.stage {
  display: flex; align-items: center; justify-content: center; min-height: max(420px, calc(100vh - 140px)); padding: 24px; border-radius: 14px;
  background-color: #e6e3dc; background-image: radial-gradient(#cfcac0 1px, transparent 1px); background-size: 16px 16px;
  border: 1px solid var(--line);
}
.stage:focus { outline: none; }
.card-frame { margin: 0; display: flex; justify-content: center; max-width: 100%; }
#preview { display: block; max-width: 100%; max-height: calc(100vh - 210px); width: auto; height: auto; border-radius: 4px; box-shadow: var(--shadow); background: #fff; }
.stage.actual { display: block; overflow: auto; max-height: calc(100vh - 140px); }
.stage.actual .card-frame { display: inline-block; }
.stage.actual #preview { max-width: none; max-height: none; }
.stage-mode { display: flex; align-items: center; gap: 8px; flex: none; white-space: nowrap; }
.badge, .topbar button, .stage-mode button { white-space: nowrap; }
button.ghost-light { background: transparent; border-color: var(--line-2); color: var(--ink-2); }
button.ghost-light[aria-pressed="true"] { background: var(--ink); border-color: var(--ink); color: #fff; }
.stage-empty { color: var(--ink-3); font-size: 13px; }
.stage.stale #preview { opacity: 0.55; transition: opacity 0.2s; }
.stage { position: relative; }
.stage-notice { position: absolute; top: 14px; left: 50%; transform: translateX(-50%); background: var(--ink); color: #fff; font-size: 12.5px; font-weight: 600; padding: 7px 12px; border-radius: 99px; box-shadow: var(--shadow); z-index: 1; }
.stage.invalid #preview { opacity: 0.35; filter: grayscale(1); }

/* Inspector */
.panel + .panel { border-top: 1px solid var(--line); margin-top: 16px; padding-top: 16px; }
.count-badge { display: inline-block; min-width: 18px; padding: 2px 6px; border-radius: 99px; background: var(--sunk); color: var(--ink-2); font-size: 10.5px; text-align: center; margin-left: 4px; letter-spacing: 0; }
.count-badge.has { background: var(--warn-bg); color: var(--warn); }
.warnings { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.warnings li { border: 1px solid var(--warn-line); background: var(--warn-bg); border-radius: 8px; padding: 9px 10px; font-size: 12.5px; color: #4a2d00; }
.warnings li .kind { display: block; font-weight: 700; font-size: 11px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--warn); margin-bottom: 3px; }
.warnings li button { margin-top: 7px; padding: 5px 8px; font-size: 11.5px; background: #fffaf0; border-color: var(--warn-line); }
.warnings li.clear { background: var(--ok-bg); border-color: #bfe3cd; color: var(--ok); font-weight: 600; }
.warnings li.problem { background: #fff8f7; border-color: #f1c4c0; color: #5c1410; }
.warnings li.problem .kind { color: var(--bad); }
.report p.problem { margin: 0; font-size: 12.5px; color: var(--bad); }
.report table { width: 100%; border-collapse: collapse; font-size: 12.5px; font-variant-numeric: tabular-nums; }
.report th { text-align: left; font-weight: 500; color: var(--ink-2); padding: 5px 0; width: 38%; }
.report td { padding: 5px 0; }
.report tr.lines-row td { border-top: 0 !important; padding: 0 0 7px; }
.report .lines { margin: 0; padding: 0 0 0 20px; color: var(--ink-2); font-size: 11.5px; line-height: 1.35; }
.report .lines li { white-space: pre-wrap; overflow-wrap: anywhere; padding: 1px 0 1px 6px; border-left: 2px solid var(--line); }
.report .lines li + li { margin-top: 2px; }
.report .lines li::marker { color: var(--ink-3); font-size: 10px; }
.report tr + tr th, .report tr + tr td { border-top: 1px solid var(--line); }
.fit { display: inline-block; font-size: 10.5px; font-weight: 700; padding: 1px 6px; border-radius: 99px; margin-left: 6px; background: var(--ok-bg); color: var(--ok); }
.fit.cut { background: #fdecea; color: var(--bad); }
.meter { height: 5px; background: var(--sunk); border-radius: 99px; overflow: hidden; margin-top: 4px; }
.meter i { display: block; height: 100%; background: var(--ok); border-radius: 99px; }
.meter.over i { background: var(--bad); }
.budget { display: grid; grid-template-columns: 62px 1fr auto; gap: 8px; align-items: center; font-size: 11.5px; color: var(--ink-2); margin-top: 4px; }
`;
