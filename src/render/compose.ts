// Composing a card from one template tree: lay it out with satori, read each <Fit> slot's box, fit the text
// there, and build the tree to draw, with each fitted line in place.
//
// The order: fixed slots (masthead, attribution, footer) first, at the width the layout gives them; then
// each growing slot in turn (headline, then quote), laid out again after each so the room a short
// headline leaves flows to the next slot. Layouts run with embedFont off (no glyph paths), a few ms each.
// The last layout is the tree as drawn: every line's width is checked there, so a line the arithmetic
// got wrong by a rounding error is refitted before anything is rasterised.
import { StorycardError } from '../errors.ts';
import type { Story } from '../story/schema.ts';
import {
  type FittedText,
  fitStrings,
  fitText,
  lineBox,
  naturalWidth,
  REF_SIZE,
  type TextStyle,
  WidthCache,
} from './fit.ts';
import { glyphBoxes, inkOverhang, type Sides } from './ink.ts';
import { encloseQuote, type Marks } from './marks.ts';
import { confirmed, type Plan, planFor, predictBox, prediction } from './predict.ts';
import { expand, type FitProps, literalText, type SatoriElement, substitute, typeStyle } from './slots.ts';
import type { FontSpec, RenderRuntime } from './types.ts';
import { fontSetKey } from './width-store.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A slot's text as fitted and drawn, with where it ended up on the card. */
export interface FittedField extends FittedText {
  field: string;
  /** The drawn block of lines, in card pixels. */
  rect: Rect;
  /** Each drawn line's box (its text's own width), in order. */
  lineRects: Rect[];
}

export type FittedFields = { headline: FittedField } & Partial<Record<string, FittedField>>;

interface Slot {
  props: FitProps;
  field: string;
  text: string;
  marks: Marks | undefined;
  /** The story's BCP 47 language: where its words may break (BudouX's model). */
  lang: string | undefined;
  style: TextStyle;
  /** Fitting order: fixed slots first, then growing slots by `order`, then tree order. */
  rank: number;
  fitted?: FittedText;
  /** Px the text is kept in from the slot's edges, after a drawn line or its ink ran past them. */
  inset: Sides;
  /** The slot's box where it was last fitted (width before insets). */
  box?: { width: number; height: number };
  /**
   * The box was worked out, not laid out (predict.ts), until the draw agrees: the layout it was worked out from, and
   * the slot before it (its key, its drawn block's height then).
   */
  predicted?: { from: Layout; prevKey: string; prevHeight: number };
}

type Satori = (element: unknown, options: Record<string, unknown>) => Promise<string>;

interface Layout {
  nodes: Map<string, Rect>;
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

const rect = (n: { left: number; top: number; width: number; height: number }): Rect => ({
  x: n.left,
  y: n.top,
  width: n.width,
  height: n.height,
});

function slotText(props: FitProps, story: Story, lang: string): string | undefined {
  const raw = props.text === undefined ? (story as unknown as Record<string, unknown>)[props.field] : props.text;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const text = raw.trim();
  if (!props.uppercase) return text;
  try {
    return text.toLocaleUpperCase(lang);
  } catch {
    return text.toUpperCase();
  }
}

const justify = (align: FitProps['align'], dir: 'ltr' | 'rtl') =>
  align === 'center' ? 'center' : (align === 'end') === (dir === 'rtl') ? 'flex-start' : 'flex-end';

export interface Composition {
  element: unknown;
  /** The card drawn (glyph outlines embedded), as checked. */
  svg: string;
  /** ms of the last draw. */
  drawMs: number;
  fields: FittedFields;
  /** Everything the card draws (slots and the template's own words), for font coverage. */
  text: string;
  /** The template's own words outside any <Fit> slot. */
  literal: string;
}

export interface ComposeInput {
  tree: unknown;
  story: Story;
  lang: string;
  width: number;
  height: number;
  template: string;
  runtime: RenderRuntime;
  /** Satori options except size: fonts and emoji loader. Called again if the tree needs more fonts. */
  options: (text: string) => Promise<Record<string, unknown>>;
}

export async function compose(input: ComposeInput): Promise<Composition> {
  const { tree, slots } = collectSlots(input);
  const literal = literalText(tree).trim();
  const drawnText = [
    literal,
    ...[...slots.values()].map((s) => `${s.marks?.open ?? ''}${s.text}${s.marks?.close ?? ''}`),
    '…',
  ].join(' ');
  const options = await input.options(drawnText);
  const satori: Satori = (element, extra) => input.runtime.satori(element, { ...options, ...extra });
  const widths = measurer(satori, fontSetKey((options.fonts ?? []) as FontSpec[]));
  // One measuring pass for every slot's pieces (and whole text: the natural width of fixed slots).
  await widths.ensureAll(
    [...slots.values()].map((s) => ({
      style: s.style,
      texts: fitStrings({ text: s.text, marks: s.marks, lang: input.story.lang }),
    })),
  );
  const ordered = [...slots.values()].sort((a, b) => a.rank - b.rank);
  const growing = ordered.filter((s) => s.props.grow);
  const plan = planOf(tree, growing, slots);
  const c = composer(input, plan?.tree ?? tree, slots, widths, satori);

  await fitInOrder(c, ordered, tree, plan);
  // The growing slots as first fitted: a worked-out box the draw does not confirm goes back to here.
  const fitted = growing.map((s) => ({ s, fitted: s.fitted, box: s.box, inset: { ...s.inset } }));
  for (;;) {
    if (growing.length > 1) await reclaimSlack(c, growing, plan);
    const drawn = await drawChecked(c, plan);
    if ('mispredicted' in drawn) {
      // The draw did not confirm a worked-out box: back to the slots as first fitted (a refit for slack may have
      // used the box), that slot laid out as it always was, and on from there as before.
      for (const f of fitted) Object.assign(f.s, { fitted: f.fitted, box: f.box, inset: { ...f.inset } });
      for (const s of drawn.mispredicted) await settle(c, s);
      continue;
    }
    const { svg, drawMs, layout } = drawn;
    return { element: c.element(), svg, drawMs, fields: fieldsOf(ordered, layout), text: drawnText, literal };
  }
}

/** Whether the second of two growing slots can have its box worked out rather than laid out (predict.ts). */
function planOf(tree: unknown, growing: Slot[], slots: Map<FitProps, Slot>): Plan | undefined {
  const [prev, next] = growing;
  if (!prediction.enabled || growing.length !== 2 || !prev || !next || alignsBaselines(tree)) return undefined;
  return planFor(tree, prev.props, next.props, (p) => slots.get(p)?.field);
}

/** A slot whose box was worked out, laid out and fitted as it was before predict.ts: the fallback. */
async function settle(c: Composer, s: Slot): Promise<void> {
  s.fitted = undefined;
  s.predicted = undefined;
  await c.fitSlot(s, (await c.layout()).nodes.get(`fit:${s.field}`));
}

/** The template's tree with its <Fit> slots found: each field once, a headline among them. */
function collectSlots(input: ComposeInput): { tree: unknown; slots: Map<FitProps, Slot> } {
  const { story, lang } = input;
  const slots = new Map<FitProps, Slot>();
  const seen = new Set<string>();
  let treeOrder = 0;
  const tree = expand(input.tree, (props) => {
    if (seen.has(props.field)) {
      throw new StorycardError(
        'render_failed',
        `template ${input.template}: two <Fit field="${props.field}"> slots; each field is fitted once`,
      );
    }
    seen.add(props.field);
    treeOrder++;
    const text = slotText(props, story, lang);
    if (text === undefined) return;
    const enclosed = props.quote ? encloseQuote(text, story.lang) : undefined;
    const rank = props.grow ? 1_000 + (props.order ?? 0) * 100 + treeOrder : treeOrder;
    slots.set(props, {
      props,
      field: props.field,
      text: enclosed ? enclosed.inner : text,
      marks: enclosed,
      lang: story.lang,
      style: typeStyle(props, text),
      rank,
      inset: { left: 0, right: 0, top: 0, bottom: 0 },
    });
  });
  if (![...slots.values()].some((s) => s.field === 'headline')) {
    throw new StorycardError('render_failed', `template ${input.template} draws no <Fit field="headline"> slot`);
  }
  return { tree, slots };
}

/**
 * Word widths measured by satori itself, many pieces in one pass; cached per style and text for the card, and per
 * font set, style and text across cards (width-store.ts), so a warm isolate skips this pass for words it has set.
 */
function measurer(satori: Satori, fonts: number): WidthCache {
  return new WidthCache(async (items) => {
    const found = new Array<number>(items.length).fill(0);
    await satori(
      {
        type: 'div',
        props: {
          style: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
          children: items.map(({ text, style }, i) => ({
            type: 'div',
            key: `m${i}`,
            props: { style: { display: 'flex', whiteSpace: 'pre', fontSize: REF_SIZE, ...css(style) }, children: text },
          })),
        },
      },
      {
        width: 100,
        embedFont: false,
        onNodeDetected: (n: { key?: unknown; width: number }) => {
          if (typeof n.key === 'string' && n.key.startsWith('m')) found[Number(n.key.slice(1))] = n.width;
        },
      },
    );
    return found;
  }, fonts);
}

/** What the stages share: the slots, the tree as it now stands, a layout of it, and fitting one slot in a box. */
interface Composer {
  slots: Map<FitProps, Slot>;
  element(): unknown;
  /** The tree laid out with glyph outlines off (slot boxes only). */
  layout(): Promise<Layout>;
  /** The tree drawn (glyph outlines on), with the same boxes a layout pass would give: the last layout is the draw. */
  draw(): Promise<Layout & { svg: string; ms: number }>;
  fitSlot(s: Slot, box: Rect | undefined): Promise<void>;
}

function composer(
  input: ComposeInput,
  tree: unknown,
  slots: Map<FitProps, Slot>,
  widths: WidthCache,
  satori: Satori,
): Composer {
  const { width, height, story } = input;
  // A layout pass reads only the boxes of slots still to fit, so a fitted slot is laid out as its drawn block with
  // the words left out: the same widths, heights and styles (so the same geometry around it), without satori
  // setting its text, which is most of a layout's cost. Not where a box aligns by baseline: words make one.
  const wordless = !alignsBaselines(tree);
  const element = (words = true) =>
    substitute(tree, (props) => {
      const s = slots.get(props);
      if (!s) return { node: null, grow: 0 };
      if (s.fitted) return { node: drawn(s, s.fitted, words || !wordless), grow: 0 };
      return { node: placeholder(s, widths), grow: s.props.grow ?? 0 };
    }).node;

  const pass = async (embedFont: boolean) => {
    const nodes = new Map<string, Rect>();
    const t0 = now();
    const svg = await satori(element(embedFont), {
      width,
      height,
      ...(embedFont ? {} : { embedFont: false }),
      onNodeDetected: (n: { key?: unknown; left: number; top: number; width: number; height: number }) => {
        if (typeof n.key === 'string' && n.key.startsWith('fit')) nodes.set(n.key, rect(n));
      },
    });
    return { nodes, svg, ms: now() - t0 };
  };
  const layout = async (): Promise<Layout> => ({ nodes: (await pass(false)).nodes });
  const draw = () => pass(true);

  const fitSlot = async (s: Slot, box: Rect | undefined) => {
    if (!box || box.width <= 0) {
      throw new StorycardError(
        'render_failed',
        `template ${input.template}: <Fit field="${s.field}"> got no width in the layout; give it grow or a width`,
      );
    }
    const p = s.props;
    s.box = { width: Math.floor(box.width), height: box.height };
    s.fitted = await fitText(
      {
        text: s.text,
        ...(s.marks ? { marks: s.marks } : {}),
        lang: story.lang,
        style: s.style,
        minSize: Math.round(p.min ?? p.max),
        maxSize: Math.round(p.max),
        maxLines: p.maxLines ?? (p.grow ? undefined : 1),
        wrap: p.wrap ?? (p.font === 'headline' ? 'balance' : 'pretty'),
        width: Math.floor(box.width) - s.inset.left - s.inset.right,
        height: p.grow ? Math.floor(box.height) - s.inset.top - s.inset.bottom : Number.POSITIVE_INFINITY,
      },
      widths,
    );
  };
  return { slots, element, layout, draw, fitSlot };
}

/**
 * Fixed slots at the width the layout gives them, then each growing slot, laid out again after each. The layout
 * after the fixed slots is skipped when each of them drew exactly the box its placeholder had (the usual one-line
 * masthead, date and footer): the tree then has the same geometry, so the first growing slot's box is unchanged.
 */
async function fitInOrder(c: Composer, ordered: Slot[], tree: unknown, plan: Plan | undefined): Promise<void> {
  const fixed = ordered.filter((s) => !s.props.grow);
  const growing = ordered.filter((s) => s.props.grow);
  let current = await c.layout();
  for (const s of fixed) await c.fitSlot(s, current.nodes.get(`fit:${s.field}`));
  const unchanged = fixed.every((s) => drewItsBox(s, current)) && !alignsBaselines(tree);
  for (const [i, s] of growing.entries()) {
    const prev = growing[i - 1];
    if (plan && i === 1 && prev?.fitted) {
      // Both slots were placeholders in `current`: the second's box follows from the first's drawn block.
      const f = prev.fitted;
      const drawnHeight = f.lines.length * lineBox(f.fontSize, f.style) + prev.inset.top + prev.inset.bottom;
      const min = Math.ceil((s.props.min ?? s.props.max) * s.style.lineHeight);
      const prevBox = current.nodes.get(`fit:${prev.field}`);
      const box = current.nodes.get(`fit:${s.field}`);
      const predicted = prevBox && box ? predictBox(prevBox, box, drawnHeight, min) : undefined;
      if (predicted) {
        await c.fitSlot(s, predicted);
        s.predicted = { from: current, prevKey: `fit:${prev.field}`, prevHeight: drawnHeight };
        continue;
      }
    }
    if ((fixed.length && !unchanged) || i > 0) current = await c.layout();
    await c.fitSlot(s, current.nodes.get(`fit:${s.field}`));
  }
}

/** A fitted fixed slot whose drawn block (its lines, insets, width) is exactly the box it was laid out in. */
function drewItsBox(s: Slot, layout: Layout): boolean {
  const box = layout.nodes.get(`fit:${s.field}`);
  const f = s.fitted;
  if (!box || !f) return false;
  const width = f.width + s.inset.left + s.inset.right;
  const height = f.lines.length * lineBox(f.fontSize, f.style) + s.inset.top + s.inset.bottom;
  return width === box.width && height === box.height;
}

/** Whether any box aligns its children by baseline: an empty placeholder has none, its drawn text has one. */
function alignsBaselines(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(alignsBaselines);
  if (node == null || typeof node !== 'object') return false;
  const props = (node as SatoriElement).props;
  const style = props?.style;
  if (style && (style.alignItems === 'baseline' || style.alignSelf === 'baseline')) return true;
  return alignsBaselines(props?.children);
}

/**
 * Room the later slots did not use goes back to the earlier ones: a CJK headline held to its share grows into the
 * space a one-line quote left. Each slot is refitted alone, the others as drawn.
 */
async function reclaimSlack(c: Composer, growing: Slot[], plan: Plan | undefined): Promise<void> {
  // What a slot left of its box: its box's height less the lines it drew.
  const slack = (s: Slot) => {
    const f = s.fitted as FittedText;
    return f.height - f.lines.length * lineBox(f.fontSize, f.style);
  };
  const wants = (i: number) => {
    const s = growing[i] as Slot;
    const f = s.fitted as FittedText;
    if (f.fontSize >= Math.round(s.props.max) && !f.truncated) return false;
    // Less than half a line to gain is not worth a layout: the slot cannot grow by a line.
    const room = growing.slice(i + 1).reduce((sum, later) => sum + Math.max(0, slack(later)), 0);
    return room >= lineBox(f.fontSize, f.style) / 2;
  };
  // A refit lays the tree out. The draw checks a worked-out box after the refit too where the slot before it hangs
  // from their column through columns only (predict.ts's prevStacked); elsewhere the box is laid out first.
  if (!plan?.prevStacked && growing.some((s) => s.predicted) && growing.some((_, i) => wants(i))) {
    for (const s of growing) if (s.predicted) await settle(c, s);
  }
  for (const [i, s] of growing.entries()) {
    if (!wants(i)) continue;
    const f = s.fitted as FittedText;
    s.fitted = undefined;
    const box = (await c.layout()).nodes.get(`fit:${s.field}`);
    if (box && box.height > f.height + 1) await c.fitSlot(s, box);
    else s.fitted = f;
  }
}

/**
 * The tree as drawn, checked twice before it is returned: each drawn line's width in the layout, then the ink of
 * the drawn SVG. A slot whose text runs past is kept in by that much and fitted again.
 */
async function drawChecked(
  c: Composer,
  plan: Plan | undefined,
): Promise<{ svg: string; drawMs: number; layout: Layout } | { mispredicted: Slot[] }> {
  const refit = (s: Slot) => c.fitSlot(s, { x: 0, y: 0, width: s.box?.width ?? 0, height: s.box?.height ?? 0 });
  let svg = '';
  let drawMs = 0;
  let current: Layout = { nodes: new Map() };
  for (let round = 0; round < 6; round++) {
    // Drawn straight away: the draw's boxes are the layout's, so the usual card (nothing to refit) costs one satori
    // call here, not a layout and then a draw. A round that finds a line too wide draws again after the refit.
    const pass = await c.draw();
    current = pass;
    // A worked-out box is checked against the draw before anything else reads the draw.
    const predicted = [...c.slots.values()].filter((s) => s.predicted);
    const wrong = predicted.filter((s) => {
      const p = s.predicted;
      if (!plan || !p) return true;
      const prev = { key: p.prevKey, height: p.prevHeight };
      return !confirmed(plan, p.from.nodes, pass.nodes, `fit:${s.field}`, s.box?.height ?? Number.NaN, prev);
    });
    if (wrong.length) return { mispredicted: wrong };
    for (const s of predicted) s.predicted = undefined;
    // Keeping text in by more than a third of its slot would not help: that text cannot be made to fit.
    const room = (s: Slot) =>
      s.inset.left + s.inset.right < (s.box?.width ?? 0) / 3 &&
      (!s.props.grow || s.inset.top + s.inset.bottom < (s.box?.height ?? 0) / 3);
    const wide = [...c.slots.values()].filter((s) => overflow(s, current) > 0.5 && room(s));
    if (wide.length && round < 5) {
      for (const s of wide) {
        const by = Math.ceil(overflow(s, current)) + 1;
        if (s.fitted?.direction === 'rtl') s.inset.left += by;
        else s.inset.right += by;
        await refit(s);
      }
      continue;
    }
    svg = pass.svg;
    drawMs = pass.ms;
    const boxes = glyphBoxes(svg);
    let spilled = false;
    for (const s of c.slots.values()) {
      const f = s.fitted as FittedText;
      const block = current.nodes.get(`fit:${s.field}`);
      if (!block) continue;
      const lines = f.lines.flatMap((_, i) => current.nodes.get(`fit:${s.field}:${i}`) ?? []);
      // Against the whole slot: an inset already made is room for the ink that needed it.
      const over = inkOverhang(boxes, lines, block);
      // A few hundredths of an em past the box is ordinary (side bearings, an accent on a capital in a tight
      // line); more is a glyph drawn outside its slot, where it could meet its neighbour's.
      const side = 0.05 * f.fontSize + 1;
      const rise = 0.08 * f.fontSize + 1;
      const grow = {
        left: over.left > side,
        right: over.right > side,
        top: over.top > rise,
        bottom: over.bottom > rise,
      };
      if (!(grow.left || grow.right || grow.top || grow.bottom) || !room(s)) continue;
      for (const k of ['left', 'right', 'top', 'bottom'] as const) if (grow[k]) s.inset[k] += Math.ceil(over[k]);
      await refit(s);
      spilled = true;
    }
    if (!spilled || round === 5) break;
  }
  return { svg, drawMs, layout: current };
}

/** Each slot as fitted and where it was drawn in the final layout. */
function fieldsOf(ordered: Slot[], current: Layout): FittedFields {
  const fields: Record<string, FittedField> = {};
  for (const s of ordered) {
    const f = s.fitted as FittedText;
    fields[s.field] = {
      ...f,
      // The slot, insets included: what the text was given, not what it kept to.
      width: s.box?.width ?? f.width,
      height: s.props.grow ? (s.box?.height ?? f.height) : f.height,
      field: s.field,
      rect: current.nodes.get(`fit:${s.field}`) ?? { x: 0, y: 0, width: 0, height: 0 },
      lineRects: f.lines.map((_, i) => current.nodes.get(`fit:${s.field}:${i}`) ?? { x: 0, y: 0, width: 0, height: 0 }),
    };
  }
  return fields as FittedFields;
}

/** How far the widest drawn line of a slot runs past the width it was fitted to, px. */
function overflow(s: Slot, layout: Layout): number {
  const f = s.fitted;
  if (!f) return 0;
  let worst = 0;
  f.lines.forEach((_, i) => {
    const r = layout.nodes.get(`fit:${s.field}:${i}`);
    if (r) worst = Math.max(worst, r.width - f.width);
  });
  return worst;
}

function css(style: TextStyle): Record<string, unknown> {
  return {
    fontFamily: style.fontFamily,
    fontWeight: style.fontWeight,
    lineHeight: style.lineHeight,
    ...(style.letterSpacing ? { letterSpacing: `${style.letterSpacing}em` } : {}),
  };
}

/** The empty box a slot is laid out as before its text is fitted. */
function placeholder(s: Slot, widths: WidthCache): SatoriElement {
  const p = s.props;
  const lineHeight = (size: number) => Math.ceil(size * s.style.lineHeight);
  const sizing = p.grow
    ? { flexGrow: p.grow, flexShrink: 1, flexBasis: 0, minHeight: lineHeight(p.min ?? p.max), minWidth: 0 }
    : {
        width:
          Math.ceil(
            (naturalWidth({ text: s.text, marks: s.marks, lang: s.lang, style: s.style }, widths) * p.max) / REF_SIZE,
          ) + 2,
        maxWidth: '100%',
        // One line at the largest size, however many lines the slot may take: the layout it is placed in gives it
        // its width (fixed slots are fitted to that), and one line is what most fixed slots draw, so the tree
        // usually keeps its geometry when they are drawn and the first growing slot needs no second layout.
        height: lineHeight(p.max),
        flexShrink: 1,
        minWidth: 0,
      };
  return { type: 'div', key: `fit:${s.field}`, props: { style: { display: 'flex', ...sizing, ...p.style } } };
}

/** The fitted lines, each its own unbreakable line, in a block as wide as the slot (without `words`: empty lines). */
function drawn(s: Slot, f: FittedText, words: boolean): SatoriElement {
  const p = s.props;
  return {
    type: 'div',
    key: `fit:${s.field}`,
    props: {
      style: {
        display: 'flex',
        flexDirection: 'column',
        ...p.style,
        boxSizing: 'border-box',
        width: f.width + s.inset.left + s.inset.right,
        paddingLeft: s.inset.left,
        paddingRight: s.inset.right,
        paddingTop: s.inset.top,
        paddingBottom: s.inset.bottom,
        flexShrink: 0,
        flexGrow: 0,
        alignItems: justify(p.align, f.direction),
      },
      children: f.lines.map((line, i) => ({
        type: 'div',
        key: `fit:${s.field}:${i}`,
        props: {
          style: {
            display: 'flex',
            whiteSpace: 'pre',
            height: lineBox(f.fontSize, f.style),
            flexShrink: 0,
            fontSize: f.fontSize,
            ...css(f.style),
            color: p.color,
            ...(p.opacity !== undefined ? { opacity: p.opacity } : {}),
            direction: f.direction,
          },
          ...(words ? { children: line } : {}),
        },
      })),
    },
  };
}
