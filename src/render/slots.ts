// Text slots in a template's tree: the <Fit> marker, and walking a satori element tree to find and replace them.

import type { TextStyle } from './fit.ts';
import { FONT_FAMILIES } from './fonts.ts';

export interface FitProps {
  /** The report's name for this text ("headline", "quote", "siteName"…); unique in a card. */
  field: string;
  /** What to draw; defaults to the story's field of the same name. Blank or missing: the slot draws nothing. */
  text?: string | null | undefined;
  /** Font size range, px. Without min, the size is fixed at max (and the text is clamped to fit). */
  min?: number;
  max: number;
  /** 'headline' (serif display), 'body' (sans), or a CSS font-family list. */
  font?: 'headline' | 'body' | (string & {});
  weight?: TextStyle['fontWeight'];
  lineHeight?: number;
  /** em; negative tightens large type. Ignored for Arabic-script text, whose letters join. */
  letterSpacing?: number;
  uppercase?: boolean;
  maxLines?: number;
  /** Enclose in quotation marks: the quote's own when it has them, else the language's. */
  quote?: boolean;
  /** balance (default for display type): even lines; pretty: greedy, no word alone on the last line. */
  wrap?: 'balance' | 'pretty';
  color: string;
  opacity?: number;
  /**
   * Share of the free space along the parent's main axis this slot may fill (flex-grow). Without it the
   * slot is as wide as its text at `max` (at most its parent) and as tall as its lines.
   */
  grow?: number;
  /** Where lines sit in the slot, in the text's own direction: start is the right edge for Arabic. */
  align?: 'start' | 'center' | 'end';
  /**
   * Fitting order among growing slots (lower first; default: order in the tree). Fixed slots are fitted
   * first; each growing slot is fitted after the ones before it took their room, so what a short
   * headline leaves flows to the quote.
   */
  order?: number;
  /** Layout style for the slot (margins, alignSelf); the core owns its size and typography. */
  style?: Record<string, unknown>;
}

/**
 * A text slot. The render core lays the tree out with an empty box here, fits the text to that box, and
 * draws the fitted lines in its place; drawn outside the core it draws nothing.
 */
export function Fit(_props: FitProps): null {
  return null;
}

export interface SatoriElement {
  type: unknown;
  key?: string | null;
  props: Record<string, unknown> & { children?: unknown; style?: Record<string, unknown> };
}

const FRAGMENT = Symbol.for('react.fragment');

/** Scripts whose letters join (Arabic, Syriac, N'Ko…): spacing them out breaks the joins. */
const JOINING = /[\u0600-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/**
 * Scripts that set taller than Latin: marks, vowel signs and subscript letters sit well above and below the
 * letters (Arabic ي ۓ, Thai ญ with stacked tone marks, Khmer subscripts, Myanmar medials, Tibetan stacks), and at
 * a Latin line height they run into the next line or the next slot. Their lines get at least this much: the ink
 * of the Noto faces from the highest mark to the lowest subscript on the sample headlines (measured with fontkit,
 * in em), rounded up; Latin, Greek, Cyrillic, Armenian, Georgian and Ethiopic stay as the template sets them.
 */
const TALL_SCRIPTS: [RegExp, number][] = [
  [/[\u0600-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u, 1.38], // Arabic
  [/[\u0F00-\u0FFF\u1000-\u109F]/u, 1.7], // Tibetan 1.66, Myanmar 1.65
  [/[\u0E80-\u0EFF\u1780-\u17FF]/u, 1.6], // Lao 1.62, Khmer 1.54
  [/[\u0E00-\u0E7F]/u, 1.45], // Thai 1.42
  [/[\u0B80-\u0C7F]/u, 1.35], // Tamil 1.31, Telugu 1.34
  [/[\u0980-\u09FF\u0A80-\u0B7F\u0C80-\u0CFF\u0D80-\u0DFF]/u, 1.3], // Bengali, Gujarati, Odia, Kannada, Sinhala 1.23–1.27
  [/[\u0900-\u097F\u0A00-\u0A7F\u0D00-\u0D7F]/u, 1.15], // Devanagari 1.06, Gurmukhi 1.1, Malayalam 1.08
];
const minLineHeight = (text: string) => Math.max(0, ...TALL_SCRIPTS.filter(([re]) => re.test(text)).map(([, h]) => h));

/** A slot's typography; letter spacing is dropped for joining scripts, which are never tracked. */
export function typeStyle(p: FitProps, text: string): TextStyle {
  const font = p.font ?? 'body';
  const family = font === 'headline' ? FONT_FAMILIES.headline : font === 'body' ? FONT_FAMILIES.body : font;
  const lineHeight = p.lineHeight ?? (font === 'headline' ? 1.1 : 1.3);
  return {
    fontFamily: family,
    fontWeight: p.weight ?? (font === 'headline' ? 700 : 400),
    lineHeight: Math.max(lineHeight, minLineHeight(text)),
    ...(p.letterSpacing && !JOINING.test(text) ? { letterSpacing: p.letterSpacing } : {}),
  };
}

/**
 * The tree with every function component (the kit's, the template's) called, so every <Fit> is a plain
 * node; `visit` sees each Fit in tree order.
 */
export function expand(node: unknown, visit: (props: FitProps) => void, depth = 0): unknown {
  if (depth > 200) throw new Error('template tree is deeper than 200 levels (a component that renders itself?)');
  if (node == null || typeof node === 'boolean' || typeof node === 'string' || typeof node === 'number') return node;
  if (Array.isArray(node)) return node.map((n) => expand(n, visit, depth + 1));
  if (typeof node !== 'object') return node;
  const el = node as SatoriElement;
  if (el.type === Fit) {
    visit(el.props as unknown as FitProps);
    return el;
  }
  if (el.type === FRAGMENT) return expand(el.props?.children, visit, depth + 1);
  if (typeof el.type === 'function') {
    return expand((el.type as (p: unknown) => unknown)(el.props ?? {}), visit, depth + 1);
  }
  if (el.props?.children === undefined) return el;
  return { ...el, props: { ...el.props, children: expand(el.props.children, visit, depth + 1) } };
}

/**
 * The tree with each Fit node replaced by `replace(props)`. A replacement may ask to grow (an empty slot
 * still to be fitted): then every container around it that sets no height or flexGrow of its own grows
 * too, so the slot's share of the free space reaches it through the tree. Once every slot is fitted
 * nothing grows, and containers are exactly as the template styled them (centred, spaced, …).
 */
export function substitute(
  node: unknown,
  replace: (props: FitProps) => { node: unknown; grow: number },
): { node: unknown; grow: number } {
  if (Array.isArray(node)) {
    const parts = node.map((n) => substitute(n, replace));
    return { node: parts.map((p) => p.node), grow: Math.max(0, ...parts.map((p) => p.grow)) };
  }
  if (node == null || typeof node !== 'object') return { node, grow: 0 };
  const el = node as SatoriElement;
  if (el.type === Fit) return replace(el.props as unknown as FitProps);
  if (el.props?.children === undefined) return { node: el, grow: 0 };
  const inner = substitute(el.props.children, replace);
  const style = el.props.style ?? {};
  const grows = inner.grow > 0 && style.height === undefined && style.flexGrow === undefined;
  const props = {
    ...el.props,
    children: inner.node,
    ...(grows ? { style: { ...style, flexGrow: inner.grow, flexShrink: 1, minHeight: 0, minWidth: 0 } } : {}),
  };
  return { node: { ...el, props }, grow: inner.grow };
}

/** Every string the tree draws outside its slots (for font coverage). */
export function literalText(node: unknown): string {
  if (node == null || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(literalText).join(' ');
  if (typeof node !== 'object') return '';
  const el = node as SatoriElement;
  if (el.type === Fit) return '';
  return literalText(el.props?.children);
}
