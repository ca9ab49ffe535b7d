// The studio's stylesheet, part 3: the gallery, the token dialog and narrow screens.
export const VIEWS_CSS = `
/* Gallery */
.gallery-bar { display: flex; align-items: center; gap: 18px; flex-wrap: wrap; margin-bottom: 8px; }
.gallery-bar .view-intro { margin: 0; flex: 1 1 320px; }
.gallery-row { margin-top: 22px; }
.gallery-row h3 { font: 700 18px/1.1 var(--serif); margin: 0 0 2px; }
.gallery-row p { margin: 0 0 10px; color: var(--ink-2); font-size: 12.5px; }
.tiles { display: flex; gap: 16px; overflow-x: auto; padding: 4px 4px 10px; align-items: flex-end; }
.tile { margin: 0; flex: none; }
.tile button { padding: 0; border: 0; background: transparent; border-radius: 6px; display: block; cursor: pointer; }
.tile img { display: block; height: 190px; width: auto; border-radius: 5px; box-shadow: var(--shadow); background: #e6e3dc; }
.tile button:hover img { box-shadow: 0 0 0 2px var(--ink), var(--shadow); }
.tile figcaption { font-size: 11.5px; color: var(--ink-2); margin-top: 7px; font-variant-numeric: tabular-nums; }
.tile figcaption b { color: var(--ink); }

/* Token dialog */
dialog { border: 0; border-radius: 14px; padding: 0; width: min(440px, 92vw); box-shadow: 0 20px 60px rgba(0,0,0,0.35); }
dialog::backdrop { background: rgba(22, 23, 27, 0.55); }
dialog form { padding: 22px 24px; }
dialog h2 { font: 700 20px/1.2 var(--serif); text-transform: none; letter-spacing: 0; color: var(--ink); }
dialog p { color: var(--ink-2); }
dialog label { display: block; font-weight: 600; margin: 14px 0 5px; }
.dialog-actions { display: flex; justify-content: flex-end; margin-top: 16px; }

/* Narrower screens, a small laptop down to a tablet at 800 px: two columns, the inspector under the stage (beside
   the editor, never below it, where the sticky editor would cover it), its panels side by side. */
@media (max-width: 1279px) {
  .layout { grid-template-columns: 300px minmax(0, 1fr); grid-template-rows: auto 1fr; }
  .sidebar { grid-row: 1 / span 2; }
  .inspector {
    grid-column: 2; position: static; max-height: none; border-left: 0; border-top: 1px solid var(--line);
    padding: 18px 24px 28px; columns: 230px 2; column-gap: 24px;
  }
  .inspector .panel { break-inside: avoid; }
  .inspector .panel + .panel { margin-top: 0; padding-top: 16px; border-top: 0; }
  .main { padding: 18px 20px 24px; }
  .stage { min-height: 360px; }
}
@media (max-width: 900px) {
  .layout { grid-template-columns: 270px minmax(0, 1fr); }
  .sidebar { padding: 16px 14px 24px; }
  #sizes { grid-template-columns: repeat(3, 1fr); row-gap: 2px; }
  .topbar { gap: 10px; padding: 0 14px; }
  .product { display: none; }
  .views button { padding: 9px 12px; }
  .render-status { max-width: 120px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
}
@media (max-width: 760px) {
  .layout { grid-template-columns: 1fr; }
  .sidebar { position: static; max-height: none; grid-row: auto; }
  .inspector { grid-column: 1; }
  .topbar { grid-template-columns: auto 1fr; }
  .topbar-end { display: none; }
}
/* A phone (390 px): the bar wraps, the tabs take their own row and scroll rather than run off the edge. */
@media (max-width: 640px) {
  .topbar { display: flex; flex-wrap: wrap; height: auto; padding: 8px 12px; row-gap: 8px; }
  .views { order: 3; flex: 1 0 100%; overflow-x: auto; }
  .views button { flex: 1 0 auto; padding: 9px 10px; }
}
@media (prefers-reduced-motion: reduce) { * { animation: none !important; transition: none !important; } }
`;
