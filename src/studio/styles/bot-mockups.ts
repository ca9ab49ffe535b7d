// The studio's stylesheet, part 2b: the bot's posts, drawn after each network's own feed (Telegram channel, Threads,
// Facebook Page, Instagram feed and Story, LinkedIn page). Faces as in part 2: Roboto for Telegram (Android), Arimo
// for Facebook's Helvetica/Arial, Inter for the system-ui networks. No network's logo: marks are drawn with CSS.
export const BOT_MOCKUPS_CSS = `
.mock-grid.posts { grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); }
.shot.bare { box-shadow: none; border: 0; border-radius: 0; overflow: visible; }
.post-body { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; }
.post-body .link { color: var(--link, #0064d1); }
.post-body .tag { color: var(--tag, var(--link, #0064d1)); }
.post-body .more { font: inherit; color: var(--more, #65676b); background: none; border: 0; padding: 0; cursor: pointer; }
.post-body .more[hidden] { display: none; }
.post-body .folded { display: none; }
.post-body.open .folded { display: inline; }

.tgc { font-family: "Roboto", var(--ui); color: #000; }
.tgc-bar { display: flex; align-items: center; gap: 10px; background: #fff; padding: 8px 12px; border-bottom: 1px solid #e7e7e7; }
.tgc-bar .avatar { width: 34px; height: 34px; background: #3390ec; }
.tgc-bar .who { display: flex; flex-direction: column; line-height: 1.25; font-size: 14px; }
.tgc-bar .who span { color: #707579; font-size: 12.5px; }
.tgc-chat { background: linear-gradient(160deg, #a6c48a, #7fa872); padding: 14px 12px; }
.tgc .bubble { background: #fff; border-radius: 12px 12px 12px 4px; overflow: hidden; max-width: 340px; box-shadow: 0 1px 1px rgba(0,0,0,0.12); }
.tgc .crop { border-radius: 0; }
.tgc .post-body { --link: #168acd; --tag: #168acd; font-size: 14px; line-height: 1.35; padding: 6px 10px 0; }
.tgc-meta { display: flex; justify-content: flex-end; align-items: center; gap: 4px; color: #a0acb6; font-size: 11.5px; padding: 2px 10px 6px; white-space: pre; }
.eye { width: 12px; height: 7px; border: 1.5px solid currentColor; border-radius: 70% 10%; transform: rotate(45deg) scale(0.8); display: inline-block; margin-right: 2px; }

.th-post { background: #fff; padding: 12px 14px; font-family: var(--ui); color: #000; display: flex; gap: 10px; }
.th-post .avatar { background: #000; }
.th-post .body { min-width: 0; flex: 1; }
.th-post .who { display: flex; gap: 6px; align-items: baseline; font-size: 14px; }
.th-post .who span { color: #999; }
.th-post .post-body { --link: #0a64bc; --tag: #0a64bc; font-size: 14.5px; line-height: 1.4; margin: 2px 0 8px; }
.th-post .crop { border-radius: 8px; border: 1px solid rgba(0,0,0,0.12); }
.th-actions { display: flex; gap: 18px; padding: 10px 2px 0; }
.th-actions i { display: block; width: 17px; height: 16px; border: 1.7px solid #000; }
.th-actions .heart { border-radius: 9px 9px 3px 9px; transform: rotate(45deg) scale(0.8); }
.th-actions .reply { border-radius: 50% 50% 50% 2px; }
.th-actions .repost { border-radius: 5px; border-left-color: transparent; }
.th-actions .send { border-width: 1.7px 1.7px 0 0; transform: skewX(-20deg); }

.fbp-post { background: #fff; font-family: "Arimo", var(--ui); color: #050505; }
.fbp-post .post-head { padding: 12px; }
.fbp-post .who { flex: 1; }
.fbp-post .who span { color: #65676b; font-size: 12px; display: flex; align-items: center; gap: 2px; }
.fbp-post .dots { color: #65676b; letter-spacing: 1px; font-size: 12px; }
.fbp-post .post-body { --link: #0064d1; --tag: #0064d1; font-size: 15px; line-height: 1.34; padding: 0 12px 10px; }
.fbp-post .post-body .more { color: #050505; }
.fbp-actions, .lip-actions { display: flex; justify-content: space-around; border-top: 1px solid #ced0d4; margin: 0 12px; padding: 8px 0; color: #65676b; font-size: 13.5px; font-weight: 600; }

.ig-caption .post-body { --link: #00376b; --tag: #00376b; --more: #737373; line-height: 1.4; }

.lip-post { background: #fff; font-family: var(--ui); color: rgba(0,0,0,0.9); }
.lip-post .post-head { padding: 12px 14px 8px; align-items: flex-start; }
.lip-post .avatar { border-radius: 4px; width: 44px; height: 44px; }
.lip-post .who { display: flex; flex-direction: column; }
.lip-post .who span { color: rgba(0,0,0,0.6); font-size: 12px; display: flex; align-items: center; gap: 2px; }
.lip-post .post-body { --link: #0a66c2; --tag: #0a66c2; --more: rgba(0,0,0,0.6); font-size: 14px; line-height: 1.43; padding: 0 14px; margin-bottom: 8px; }
.lip-actions { margin: 0 14px; border-top-color: #e8e8e8; color: rgba(0,0,0,0.6); }

.phone .crop.letterbox { background: #26282c; }
.phone .crop.letterbox img { object-fit: contain; }
`;
