// The studio's stylesheet, part 2: platform mock-ups, drawn after each platform's own link preview.
// Faces stand in for each platform's own, from /studio/fonts.css: Arimo has Helvetica's and Arial's metrics (Facebook),
// Lato is Slack's, Noto Sans is Discord's fallback for gg sans; X, LinkedIn and iMessage use system-ui, here Inter.
export const MOCKUPS_CSS = `
/* Mock-ups */
.view-intro { color: var(--ink-2); margin: 0 0 16px; max-width: 70ch; }
.mockups { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 22px; align-items: start; }
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
`;
