// The studio's HTML shell: static markup only (no user data); studio.js fills it with DOM APIs, never innerHTML.
export const STUDIO_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>storycard studio</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/studio/fonts.css?v={{v}}">
<link rel="stylesheet" href="/studio/studio.css?v={{v}}">
<script type="module" src="/studio/studio.js?v={{v}}"></script>
</head>
<body data-view="editor">
<a class="skip" href="#stage">Skip to the preview</a>
<header class="topbar">
  <div class="brand"><span class="mark" aria-hidden="true"></span><span class="wordmark">storycard</span><span class="product">studio</span></div>
  <div class="views" role="tablist" aria-label="Views">
    <button type="button" role="tab" id="tab-editor" aria-controls="view-editor" aria-selected="true">Editor</button>
    <button type="button" role="tab" id="tab-mockups" aria-controls="view-mockups" aria-selected="false" tabindex="-1">Mock-ups</button>
    <button type="button" role="tab" id="tab-gallery" aria-controls="view-gallery" aria-selected="false" tabindex="-1">Gallery</button>
    <button type="button" role="tab" id="tab-outbox" aria-controls="view-outbox" aria-selected="false" tabindex="-1">Outbox</button>
  </div>
  <div class="topbar-end">
    <span id="render-status" class="render-status" role="status" aria-live="polite"></span>
    <button type="button" id="token-button" class="ghost small">API token</button>
  </div>
</header>

<div class="layout">
  <form id="editor" class="sidebar" novalidate autocomplete="off" aria-label="Card editor">
    <div class="form-error" id="form-error" role="alert" hidden></div>
    <section class="group">
      <div class="group-head">
        <h2>Story</h2>
        <label class="inline-select" for="sample">Sample <select id="sample" name="sample"><option value="">Your draft</option></select></label>
      </div>
      <div class="field" data-field="headline">
        <div class="label-row"><label for="f-headline">Headline</label><span class="count" id="count-headline" aria-live="off">0 / 300</span></div>
        <textarea id="f-headline" name="headline" rows="3" maxlength="400" required aria-describedby="err-headline"></textarea>
        <p class="error" id="err-headline"></p>
      </div>
      <div class="field" data-field="quote">
        <div class="label-row"><label for="f-quote">Quote</label><span class="count" id="count-quote">0 / 600</span></div>
        <textarea id="f-quote" name="quote" rows="3" maxlength="800" aria-describedby="err-quote"></textarea>
        <p class="error" id="err-quote"></p>
      </div>
      <div class="row2">
        <div class="field" data-field="quoteAuthor">
          <label for="f-quoteAuthor">Quote by</label>
          <input id="f-quoteAuthor" name="quoteAuthor" type="text" aria-describedby="err-quoteAuthor">
          <p class="error" id="err-quoteAuthor"></p>
        </div>
        <div class="field" data-field="author">
          <label for="f-author">Byline</label>
          <input id="f-author" name="author" type="text" aria-describedby="err-author">
          <p class="error" id="err-author"></p>
        </div>
      </div>
      <div class="row2">
        <div class="field" data-field="siteName">
          <label for="f-siteName">Site name</label>
          <input id="f-siteName" name="siteName" type="text" aria-describedby="err-siteName">
          <p class="error" id="err-siteName"></p>
        </div>
        <div class="field" data-field="lang">
          <label for="f-lang">Language</label>
          <input id="f-lang" name="lang" type="text" placeholder="en" spellcheck="false" aria-describedby="err-lang">
          <p class="error" id="err-lang"></p>
        </div>
      </div>
      <div class="field" data-field="url">
        <label for="f-url">Article URL</label>
        <input id="f-url" name="url" type="url" placeholder="https://" spellcheck="false" aria-describedby="err-url">
        <p class="error" id="err-url"></p>
      </div>
      <div class="field" data-field="imageUrl">
        <label for="f-imageUrl">Image URL <span class="hint">(photo template)</span></label>
        <input id="f-imageUrl" name="imageUrl" type="url" placeholder="https://" spellcheck="false" aria-describedby="err-imageUrl">
        <p class="error" id="err-imageUrl"></p>
      </div>
    </section>

    <section class="group">
      <h2>Card</h2>
      <fieldset class="field" data-field="template">
        <legend>Template</legend>
        <div id="templates" class="template-list"></div>
        <p id="template-desc" class="template-desc"></p>
        <p class="error" id="err-template"></p>
      </fieldset>
      <fieldset class="field" data-field="size">
        <legend>Size</legend>
        <div id="sizes" class="segmented"></div>
        <p class="error" id="err-size"></p>
      </fieldset>
      <div class="row2">
        <fieldset class="field" data-field="mode">
          <legend>Theme</legend>
          <div class="segmented">
            <label><input type="radio" name="mode" value="light" checked><span>Light</span></label>
            <label><input type="radio" name="mode" value="dark"><span>Dark</span></label>
          </div>
        </fieldset>
        <div class="field" data-field="brandColor">
          <label for="f-brandColor">Brand colour</label>
          <div class="colour">
            <input id="f-brandSwatch" type="color" value="#c8102e" aria-label="Brand colour picker">
            <input id="f-brandColor" name="brandColor" type="text" value="#C8102E" spellcheck="false" maxlength="7" aria-describedby="err-brandColor">
          </div>
          <p class="error" id="err-brandColor"></p>
        </div>
      </div>
      <div class="field" data-field="logoUrl">
        <label for="f-logoUrl">Logo URL</label>
        <input id="f-logoUrl" name="logoUrl" type="url" placeholder="https:// or data:image/…" spellcheck="false" aria-describedby="err-logoUrl">
        <p class="error" id="err-logoUrl"></p>
      </div>
    </section>
    <p class="shortcuts"><kbd>Ctrl</kbd> <kbd>Enter</kbd> renders the PNG · <kbd>Alt</kbd> <kbd>1</kbd>–<kbd>4</kbd> switch views</p>
  </form>

  <main class="main">
    <section id="view-editor" class="view" role="tabpanel" aria-labelledby="tab-editor">
      <div class="stage-bar">
        <div class="stage-title">
          <span id="stage-template" class="pill"></span>
          <span id="stage-size" class="stage-size"></span>
          <span id="stage-label" class="stage-label"></span>
        </div>
        <div class="stage-mode">
          <button type="button" id="zoom" class="small ghost-light" aria-pressed="false" title="Show the card at its real pixel size">Actual size</button>
          <span id="stage-format" class="badge">SVG · live</span>
        </div>
      </div>
      <div id="stage" class="stage" tabindex="-1">
        <p id="stage-notice" class="stage-notice" role="alert" hidden></p>
        <figure class="card-frame">
          <img id="preview" alt="" width="1200" height="630" hidden>
          <div id="stage-empty" class="stage-empty">Rendering…</div>
        </figure>
      </div>
    </section>

    <section id="view-mockups" class="view" role="tabpanel" aria-labelledby="tab-mockups" hidden>
      <p class="view-intro">The card as each platform shows it: the og and x cards a share page names, cropped at each platform's ratio, with the title and domain lines it draws from the share page's tags; and below, the bot's own posts: the exact text it sends to each network and the card it carries there, folded where the network folds it.</p>
      <p id="mockups-note" class="view-note"></p>
      <div id="mockups" class="mockups"></div>
    </section>

    <section id="view-gallery" class="view" role="tabpanel" aria-labelledby="tab-gallery" hidden>
      <div class="gallery-bar">
        <p class="view-intro">Every template at every size. Choose a tile to open it in the editor.</p>
        <label class="inline-select" for="gallery-sample">Sample <select id="gallery-sample"></select></label>
        <div class="segmented compact" role="radiogroup" aria-label="Gallery theme">
          <label><input type="radio" name="gallery-mode" value="light" checked><span>Light</span></label>
          <label><input type="radio" name="gallery-mode" value="dark"><span>Dark</span></label>
        </div>
      </div>
      <div id="gallery" class="gallery"></div>
    </section>

    <section id="view-outbox" class="view" role="tabpanel" aria-labelledby="tab-outbox" hidden>
      <div class="gallery-bar">
        <p class="view-intro">What the bot will post, has posted and could not post. In review mode every post waits here for an editor: approve it, edit its text, or skip it.</p>
        <button type="button" id="outbox-refresh" class="small">Refresh</button>
      </div>
      <div id="outbox-today" class="outbox-today" aria-label="Posts today against each daily cap"></div>
      <p id="outbox-status" class="view-note" role="status"></p>
      <div id="outbox" class="outbox"></div>
    </section>
  </main>

  <aside class="inspector" aria-label="Inspector">
    <section class="panel">
      <h2>Warnings <span id="warning-count" class="count-badge">0</span></h2>
      <ul id="warnings" class="warnings" aria-live="polite"></ul>
    </section>
    <section class="panel">
      <h2>Layout report</h2>
      <div id="report" class="report"></div>
    </section>
    <section class="panel">
      <h2>Ship it</h2>
      <div class="actions">
        <label class="format-row" for="file-format">File
          <select id="file-format">
            <option value="png">PNG (lossless)</option>
            <option value="auto">auto (PNG within budget, else JPEG)</option>
            <option value="jpeg">JPEG</option>
            <option value="webp">WebP</option>
          </select>
        </label>
        <button type="button" id="action-png" class="primary">Render PNG</button>
        <button type="button" id="action-download">Download PNG</button>
        <button type="button" id="action-sign">Copy signed card URL</button>
        <button type="button" id="action-save">Save story &amp; open share page</button>
      </div>
      <div id="action-result" class="action-result" role="status" aria-live="polite"></div>
      <div class="field stories-field">
        <label for="stories">Saved stories</label>
        <div class="inline-row">
          <select id="stories"><option value="">Choose a story…</option></select>
          <button type="button" id="story-load" class="small">Edit</button>
        </div>
        <a id="story-open" class="link-button" href="#" target="_blank" rel="noopener noreferrer" hidden>Open share page ↗</a>
      </div>
    </section>
  </aside>
</div>

<dialog id="token-dialog" aria-labelledby="token-title">
  <form id="token-form" method="dialog">
    <h2 id="token-title">Unlock the studio</h2>
    <p>Previews render any text, so they need the API token. <code>npm start</code> prints it, and a studio link that carries it.</p>
    <label for="token-input">API token</label>
    <input id="token-input" type="password" autocomplete="off" spellcheck="false" required aria-describedby="token-error">
    <p class="error" id="token-error" role="alert"></p>
    <div class="dialog-actions"><button type="submit" class="primary">Unlock</button></div>
  </form>
</dialog>
</body>
</html>
`;
