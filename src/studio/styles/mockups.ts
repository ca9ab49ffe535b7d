// The studio's stylesheet, part 2: platform mock-ups, drawn after each platform's own link preview and story frame.
// Faces stand in for each platform's own, from /studio/fonts.css: Arimo has Helvetica's and Arial's metrics (Facebook,
// WhatsApp on iOS), Lato is Slack's, Noto Sans is Discord's fallback for gg sans, Roboto is Mastodon's web face and
// Android's (WhatsApp, Telegram); X, LinkedIn, Bluesky (Inter itself), Instagram and iMessage use system-ui, here Inter.
export const MOCKUPS_CSS = `
/* Mock-ups */
.view-intro { color: var(--ink-2); margin: 0 0 16px; max-width: 70ch; }
.mockups { display: block; }
.mock-group { font: 600 11px/1.2 var(--ui); text-transform: uppercase; letter-spacing: 0.08em; color: var(--ink-2); margin: 8px 0 12px; }
.mock-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 22px; align-items: start; margin-bottom: 28px; }
.mock { margin: 0; }
.mock-label { display: flex; justify-content: space-between; align-items: baseline; margin-bottom: 8px; }
.mock-label strong { font-size: 13px; }
.mock-label span { font-size: 11.5px; color: var(--ink-3); }
.mock-crop { font-size: 11.5px; color: var(--ink-2); margin-top: 6px; }
.mock-crop.cut { color: var(--warn); }
.shot { border-radius: 12px; overflow: hidden; box-shadow: var(--shadow); border: 1px solid var(--line); }
.crop { position: relative; overflow: hidden; background: #ddd; }
.crop img { display: block; width: 100%; height: 100%; object-fit: cover; }
.clamp1, .clamp2 { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
.clamp1 { -webkit-line-clamp: 1; }
.clamp2 { -webkit-line-clamp: 2; }
.avatar { width: 36px; height: 36px; border-radius: 50%; background: var(--accent); color: #fff; display: grid; place-items: center; font-weight: 700; flex: none; }
.post-head { display: flex; gap: 10px; align-items: center; }
.post-head .who { line-height: 1.25; }
.post-head b { display: block; }

.x-post { background: #fff; padding: 12px 14px; font-family: var(--ui); color: #0f1419; }
.x-post .who span { color: #536471; }
.x-post .text { margin: 6px 0 10px 46px; font-size: 14px; }
.x-post .card { margin-left: 46px; border-radius: 14px; overflow: hidden; border: 1px solid #cfd9de; position: relative; }
.x-post .domain-tag { position: absolute; left: 10px; bottom: 10px; background: rgba(0,0,0,0.77); color: #fff; font-size: 12px; padding: 1px 5px; border-radius: 4px; }
.x-post .from { margin: 4px 0 0 46px; color: #536471; font-size: 12.5px; }

.fb-post { background: #fff; font-family: "Arimo", var(--ui); color: #050505; }
.fb-post .post-head { padding: 12px; }
.fb-post .who span { color: #65676b; font-size: 12px; }
.fb-post .text { padding: 0 12px 10px; font-size: 14px; }
.fb-post .linkbox { background: #f0f2f5; padding: 10px 12px 12px; border-top: 1px solid #dadde1; }
.fb-post .domain { color: #65676b; font-size: 12px; text-transform: uppercase; }
.fb-post .title { font-weight: 700; font-size: 16px; line-height: 1.25; margin-top: 3px; }
.fb-post .desc { color: #65676b; font-size: 14px; margin-top: 2px; }

.li-post { background: #fff; font-family: var(--ui); color: rgba(0,0,0,0.9); }
.li-post .post-head { padding: 12px 14px; }
.li-post .avatar { border-radius: 4px; }
.li-post .who span { color: rgba(0,0,0,0.6); font-size: 12px; }
.li-post .text { padding: 0 14px 10px; font-size: 14px; }
.li-post .linkbox { background: #eef3f8; padding: 10px 14px; }
.li-post .title { font-weight: 600; font-size: 14px; line-height: 1.3; }
.li-post .domain { color: rgba(0,0,0,0.6); font-size: 12px; margin-top: 3px; }

.slack { background: #fff; padding: 12px 14px; font-family: "Lato", var(--ui); color: #1d1c1d; }
.slack .avatar { border-radius: 6px; background: #4a154b; }
.slack .who span { color: #616061; font-size: 12px; font-weight: 400; }
.slack .text { margin: 2px 0 6px 46px; font-size: 14px; }
.slack .unfurl { margin-left: 46px; border-left: 4px solid #dddddd; padding: 2px 0 2px 12px; }
.slack .site { font-weight: 700; font-size: 13px; }
.slack .title { color: #1264a3; font-weight: 700; font-size: 14px; }
.slack .desc { font-size: 14px; margin-top: 2px; }
.slack .crop { margin-top: 8px; max-width: 360px; border-radius: 8px; border: 1px solid #e8e8e8; }

.discord { background: #313338; padding: 12px 14px; font-family: "Noto Sans", var(--ui); color: #dbdee1; }
.discord .avatar { background: #5865f2; }
.discord .who b { color: #f2f3f5; }
.discord .who span { color: #949ba4; font-size: 12px; }
.discord .text { margin: 2px 0 6px 46px; font-size: 14px; }
.discord .embed { margin-left: 46px; background: #2b2d31; border-left: 4px solid var(--embed, #1e1f22); border-radius: 4px; padding: 10px 14px 14px 12px; max-width: 432px; }
.discord .site { font-size: 12px; color: #dbdee1; }
.discord .title { color: #00a8fc; font-weight: 600; font-size: 15px; margin-top: 6px; }
.discord .desc { font-size: 13.5px; margin-top: 6px; }
.discord .crop { margin-top: 12px; border-radius: 4px; }

.imessage { background: #fff; padding: 16px 14px; font-family: var(--ui); display: flex; justify-content: flex-end; }
.imessage .bubble { width: 270px; border-radius: 18px; overflow: hidden; background: #e9e9eb; }
.imessage .meta { padding: 8px 12px 10px; }
.imessage .title { font-weight: 600; font-size: 13.5px; color: #000; line-height: 1.25; }
.imessage .domain { color: #8e8e93; font-size: 12.5px; margin-top: 2px; }

.bsky-post { background: #fff; padding: 12px 14px; font-family: var(--ui); color: #0b0f14; display: flex; gap: 10px; }
.bsky-post .avatar { background: #1083fe; }
.bsky-post .body { min-width: 0; flex: 1; }
.bsky-post .who { display: flex; gap: 6px; align-items: baseline; white-space: nowrap; overflow: hidden; }
.bsky-post .who span { color: #6f869f; font-size: 13px; overflow: hidden; text-overflow: ellipsis; }
.bsky-post .text { font-size: 14.5px; margin: 2px 0 8px; }
.bsky-post .embed { border: 1px solid #d4dbe2; border-radius: 12px; overflow: hidden; }
.bsky-post .meta { padding: 8px 12px 10px; border-top: 1px solid #d4dbe2; }
.bsky-post .title { font-weight: 600; font-size: 14.5px; line-height: 1.3; }
.bsky-post .desc { color: #42576c; font-size: 13px; margin-top: 2px; }
.bsky-post .domain { color: #6f869f; font-size: 12px; margin-top: 6px; display: flex; align-items: center; gap: 5px; }
.globe { width: 11px; height: 11px; border: 1.5px solid currentColor; border-radius: 50%; display: inline-block; }

.masto-post { background: #fff; padding: 14px; font-family: "Roboto", var(--ui); color: #000; }
.masto-post .avatar { border-radius: 8px; background: #6364ff; }
.masto-post .who { display: flex; flex-direction: column; }
.masto-post .handle { color: #606984; font-size: 13px; }
.masto-post .text { margin: 10px 0; font-size: 15px; line-height: 1.35; }
.masto-post .link { color: #563acc; word-break: break-all; }
.masto-post .card { border: 1px solid #d9e1e8; border-radius: 8px; overflow: hidden; }
.masto-post .meta { padding: 10px 14px 12px; }
.masto-post .domain { color: #606984; font-size: 13px; }
.masto-post .title { font-weight: 500; font-size: 15px; margin-top: 2px; }
.masto-post .desc { color: #606984; font-size: 13px; margin-top: 2px; }

.wa-chat { background: #efeae2; padding: 14px; font-family: "Arimo", var(--ui); display: flex; justify-content: flex-end; }
.wa-chat .bubble { width: 300px; background: #d9fdd3; border-radius: 8px 0 8px 8px; padding: 3px 3px 6px; box-shadow: 0 1px 0.5px rgba(11,20,26,0.13); }
.wa-chat .preview { background: #d1f4cc; border-radius: 6px; overflow: hidden; }
.wa-chat .meta { padding: 6px 8px 8px; }
.wa-chat .title { font-weight: 700; font-size: 13.5px; color: #111b21; }
.wa-chat .desc { font-size: 12.5px; color: #667781; margin-top: 2px; }
.wa-chat .domain { font-size: 12px; color: #667781; margin-top: 3px; }
.wa-chat .link { color: #027eb5; font-size: 13.5px; padding: 6px 6px 0; word-break: break-all; }
.wa-chat .time { text-align: right; font-size: 11px; color: #667781; padding: 0 6px; }

.tg-chat { background: #8fb684; background-image: linear-gradient(160deg, #a6c48a, #7fa872); padding: 14px; font-family: "Roboto", var(--ui); }
.tg-chat .bubble { width: 310px; background: #fff; border-radius: 12px 12px 12px 4px; padding: 6px 10px 6px; }
.tg-chat .link { color: #168acd; font-size: 14px; word-break: break-all; }
.tg-chat .preview { margin-top: 6px; border-left: 3px solid #3390ec; padding-left: 8px; }
.tg-chat .site { color: #3390ec; font-weight: 500; font-size: 13.5px; }
.tg-chat .title { font-weight: 500; font-size: 13.5px; color: #000; }
.tg-chat .desc { font-size: 13.5px; color: #000; }
.tg-chat .crop { margin-top: 6px; border-radius: 6px; }
.tg-chat .time { text-align: right; font-size: 11.5px; color: #a0acb6; }

.ig-post { background: #fff; font-family: var(--ui); color: #000; }
.ig-head { display: flex; align-items: center; gap: 8px; padding: 8px 10px; font-size: 13px; }
.ig-head .avatar { width: 30px; height: 30px; font-size: 12px; box-shadow: 0 0 0 2px #fff, 0 0 0 3.5px #d62976; }
.ig-head span { margin-left: auto; color: #262626; letter-spacing: 1px; }
.ig-actions { display: flex; gap: 14px; padding: 10px 12px 4px; }
.ig-actions i, .story-bottom i { display: block; width: 20px; height: 18px; border: 2px solid #262626; }
.ig-actions .heart, .story-bottom .heart { border-radius: 10px 10px 3px 10px; transform: rotate(45deg) scale(0.85); }
.ig-actions .bubble-icon { border-radius: 50% 50% 50% 2px; }
.ig-actions .plane { border-width: 2px 2px 0 0; transform: skewX(-20deg); }
.ig-caption { padding: 4px 12px 12px; font-size: 13px; }

.phone { background: #1b1c1f; padding: 10px; border-radius: 34px; width: 300px; box-shadow: var(--shadow); }
.phone .screen { position: relative; border-radius: 26px; overflow: hidden; background: #000; }
.phone .crop { border-radius: 0; }
.phone .safe { position: absolute; left: 0; right: 0; pointer-events: none; }
.phone .safe.top { top: 0; height: 11%; background: linear-gradient(rgba(0,0,0,0.42), rgba(0,0,0,0)); }
.phone .safe.bottom { bottom: 0; height: 13%; background: linear-gradient(rgba(0,0,0,0), rgba(0,0,0,0.42)); }
.story-top { position: absolute; top: 8px; left: 10px; right: 10px; color: #fff; font-family: var(--ui); }
.story-top .progress { display: flex; gap: 3px; }
.story-top .progress i { flex: 1; height: 2px; border-radius: 2px; background: rgba(255,255,255,0.45); }
.story-top .progress i.now { background: #fff; }
.story-who { display: flex; align-items: center; gap: 7px; margin-top: 8px; font-size: 12.5px; }
.story-who .avatar { width: 26px; height: 26px; font-size: 11px; }
.story-who span { color: rgba(255,255,255,0.75); }
.story-bottom { position: absolute; bottom: 12px; left: 10px; right: 10px; display: flex; align-items: center; gap: 12px; }
.story-bottom .reply { flex: 1; border: 1px solid rgba(255,255,255,0.7); border-radius: 99px; color: #fff; font: 400 12.5px/1 var(--ui); padding: 9px 12px; }
.story-bottom i { border-color: #fff; }
`;
