// The second growing slot's box worked out from the first layout instead of laid out again, where the tree makes
// that exact, and the check in the draw that it was.
//
// Why: a quote card's quote box is only known once the headline above it is fitted, which cost a second layout
// pass (about a sixth of the card's satori time on Node). In a flex column that gives both slots its free space,
// the headline drawn in fewer pixels than its box hands exactly the difference to the quote: quote box = its first
// box + (the headline's box − the headline's drawn block). The tree is checked for the shape that makes this so (planFor), and
// the draw checks it again with the boxes it lays out anyway (confirmed): the free space the draw leaves in that
// column, plus the quote's drawn block, is the box a layout would have given the quote. When they disagree the
// caller lays the quote out as before and fits it again, so a wrong guess never reaches a card.
import { Fit, type FitProps, type SatoriElement } from './slots.ts';

/**
 * enabled off: every growing slot is laid out (the way before this file); tests turn it off to compare cards. skew:
 * px added to every worked-out height, for tests only, to make the arithmetic wrong and the draw's check fail.
 */
export const prediction = { enabled: true, skew: 0 };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The keyed tree and the keys the check reads: the column, its first and last drawn child, the slot's parent. */
export interface Plan {
  tree: unknown;
  top: string;
  first: string;
  last: string;
  parent: string;
  /**
   * The first slot hangs from the column through columns only (or is its child): a change in its drawn height is the
   * same change in the column's content, so the draw can still check the second slot's box after the first slot was
   * refitted into room the second left (compose.ts's reclaimSlack).
   */
  prevStacked: boolean;
}

/** Styles that size a box along the column (or pin it): a box with any of them does not simply take free space. */
const SIZING = ['height', 'minHeight', 'maxHeight', 'flex', 'flexBasis', 'flexGrow', 'aspectRatio'];
const WIDTHS = ['width', 'minWidth', 'maxWidth', 'alignSelf'];
/** Where a column may put its free space for the check to find it: before its first child and after its last. */
const AT_ENDS = new Set([undefined, 'flex-start', 'center', 'flex-end', 'start', 'end']);

const isElement = (n: unknown): n is SatoriElement => n != null && typeof n === 'object' && !Array.isArray(n);
const styleOf = (el: SatoriElement): Record<string, unknown> => el.props?.style ?? {};
const column = (st: Record<string, unknown>) =>
  st.flexDirection === 'column' && (st.flexWrap === undefined || st.flexWrap === 'nowrap');

/** Children as satori lays them out: nested arrays flattened; null, booleans and empty strings draw nothing. */
function childrenOf(el: SatoriElement): unknown[] {
  const out: unknown[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n != null && n !== false && n !== true && n !== '') out.push(n);
  };
  walk(el.props?.children);
  return out;
}

/** The elements from the root down to the <Fit> with these props (inclusive), or undefined. */
function pathTo(node: unknown, target: FitProps): SatoriElement[] | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const p = pathTo(n, target);
      if (p) return p;
    }
    return undefined;
  }
  if (!isElement(node)) return undefined;
  if (node.type === Fit) return node.props === (target as unknown) ? [node] : undefined;
  const below = pathTo(node.props?.children, target);
  return below ? [node, ...below] : undefined;
}

/**
 * Whether `next`'s box follows from the first layout once `prev` is drawn, and the tree keyed for the check. The
 * shape: the two slots meet in a column (`top`) sized by its own style (a height, a flexGrow, or the card itself)
 * that keeps free space at its ends; `next` hangs from it through columns that only grow because it does (no size,
 * no wrap, no other growing child), as <Fit>'s growing containers do. Anything else (a row, a grown sibling, a
 * min or max height) is laid out as before. `active` names a slot that draws (a <Fit> without text draws nothing).
 */
export function planFor(
  tree: unknown,
  prev: FitProps,
  next: FitProps,
  active: (p: FitProps) => string | undefined,
): Plan | undefined {
  const a = pathTo(tree, prev);
  const b = pathTo(tree, next);
  if (!a || !b) return undefined;
  let i = 0;
  while (i + 1 < a.length && i + 1 < b.length && a[i + 1] === b[i + 1]) i++;
  const top = b[i] as SatoriElement;
  const st = styleOf(top);
  if (!column(st) || !AT_ENDS.has(st.justifyContent as string | undefined)) return undefined;
  if (i > 0 && st.height === undefined && st.flexGrow === undefined) return undefined;
  const own = (el: SatoriElement) => SIZING.some((k) => styleOf(el)[k] !== undefined);
  const slot = b[b.length - 1] as SatoriElement;
  const nextStyle = next.style ?? {};
  if ([...SIZING, ...WIDTHS].some((k) => nextStyle[k] !== undefined) || nextStyle.position === 'absolute') return;
  // Every level from the column down to the slot: only the slot's own line of containers may take free space.
  for (let k = i; k < b.length - 1; k++) {
    const level = b[k] as SatoriElement;
    const onPath = b[k + 1];
    if (k > i) {
      const ls = styleOf(level);
      if (own(level) || !column(ls) || ls.position === 'absolute') return undefined;
      if (ls.alignItems !== undefined && ls.alignItems !== 'stretch') return undefined;
    }
    for (const child of childrenOf(level)) {
      if (child === onPath) continue;
      if (!isElement(child)) return undefined; // a bare word in the column: its box is satori's to lay out
      const cs = child.type === Fit ? ((child.props as unknown as FitProps).style ?? {}) : styleOf(child);
      if (cs.position === 'absolute' || cs.display === 'none') return undefined;
      // `prev`'s own line of containers grew in the first layout only; one with a size of its own would not.
      const prevLine = k === i && child === a[i + 1];
      if (prevLine && child.type !== Fit && own(child)) return undefined;
      if (!prevLine && (cs.flexGrow !== undefined || cs.flex !== undefined)) return undefined;
    }
  }
  // The first slot's line of containers below the column: stacked columns pass its height on one for one.
  let prevStacked = true;
  for (let k = i + 1; k < a.length - 1; k++) {
    const level = a[k] as SatoriElement;
    const ls = styleOf(level);
    if (own(level) || !column(ls) || ls.position === 'absolute') prevStacked = false;
    for (const child of childrenOf(level)) {
      if (child === a[k + 1]) continue;
      const cs =
        isElement(child) && child.type === Fit
          ? ((child.props as unknown as FitProps).style ?? {})
          : isElement(child)
            ? styleOf(child)
            : {};
      if (!isElement(child) || cs.flexGrow !== undefined || cs.flex !== undefined || cs.position === 'absolute')
        prevStacked = false;
    }
  }
  const prevStyle = prev.style ?? {};
  if (SIZING.some((k) => prevStyle[k] !== undefined) || prevStyle.position === 'absolute') prevStacked = false;
  // The keys the check reads. A <Fit> child is found by its slot's key; a template's own key is left alone.
  const drawn = childrenOf(top).filter(
    (n) => !(isElement(n) && n.type === Fit && !active(n.props as unknown as FitProps)),
  );
  const firstEl = drawn[0];
  const lastEl = drawn[drawn.length - 1];
  if (!isElement(firstEl) || !isElement(lastEl)) return undefined;
  const parent = b[b.length - 2] as SatoriElement;
  const keys = new Map<SatoriElement, string>();
  const keyOf = (el: SatoriElement, name: string): string | undefined => {
    if (el.type === Fit) return `fit:${active(el.props as unknown as FitProps)}`;
    if (el.key != null) return undefined;
    const k = keys.get(el) ?? name;
    keys.set(el, k);
    return k;
  };
  const plan = {
    top: keyOf(top, 'fit@top'),
    first: keyOf(firstEl, 'fit@first'),
    last: keyOf(lastEl, 'fit@last'),
    parent: keyOf(parent, 'fit@parent'),
  };
  if (!plan.top || !plan.first || !plan.last || !plan.parent || slot.type !== Fit) return undefined;
  return { tree: withKeys(tree, keys), ...(plan as Omit<Plan, 'tree' | 'prevStacked'>), prevStacked };
}

/** A copy of the tree with keys on the given elements; <Fit> nodes stay the same objects (slots are found by them). */
function withKeys(node: unknown, keys: Map<SatoriElement, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => withKeys(n, keys));
  if (!isElement(node) || node.type === Fit) return node;
  const key = keys.get(node);
  const children = node.props?.children;
  if (key === undefined && children === undefined) return node;
  return {
    ...node,
    ...(key === undefined ? {} : { key }),
    props: children === undefined ? node.props : { ...node.props, children: withKeys(children, keys) },
  };
}

/** `next`'s box once `prev` is drawn as a block `drawnHeight` tall: what `prev`'s box gave up goes to `next`. */
export function predictBox(prevBox: Box, nextBox: Box, drawnHeight: number, nextMin: number): Box | undefined {
  // A headline drawn taller than its box (one line at its smallest size in a box under a line) takes room back, and
  // a quote at its smallest height may have been held there: neither is the free-space arithmetic.
  if (drawnHeight > prevBox.height || nextBox.height <= nextMin) return undefined;
  return { ...nextBox, height: nextBox.height + prevBox.height - drawnHeight + prediction.skew };
}

/**
 * Whether the draw agrees with a predicted box of `height` for the slot keyed `slot`: the column and the slot's
 * parent where the first layout had them, and the free space the draw leaves at the column's ends (no slot grows
 * there) plus the slot's drawn block is that height. `first` is the layout the prediction was made from; `prev` the
 * first slot's key and the height of its drawn block when the prediction was made (the draw may show it refitted
 * taller into the room the second slot left: that much of the free space was the second slot's).
 */
export function confirmed(
  plan: Plan,
  first: Map<string, Box>,
  drawn: Map<string, Box>,
  slot: string,
  height: number,
  prev: { key: string; height: number },
): boolean {
  const same = (k: string, sides: (keyof Box)[]) => {
    const p = first.get(k);
    const q = drawn.get(k);
    return p !== undefined && q !== undefined && sides.every((s) => p[s] === q[s]);
  };
  if (!same(plan.top, ['x', 'y', 'width', 'height']) || !same(plan.parent, ['x', 'width'])) return false;
  const f0 = first.get(plan.first);
  const f1 = drawn.get(plan.first);
  const l0 = first.get(plan.last);
  const l1 = drawn.get(plan.last);
  const block = drawn.get(slot);
  const prevBlock = drawn.get(prev.key);
  if (!f0 || !f1 || !l0 || !l1 || !block || !prevBlock) return false;
  const free = f1.y - f0.y + (l0.y + l0.height - (l1.y + l1.height));
  const refitted = prevBlock.height - prev.height;
  if (refitted !== 0 && !plan.prevStacked) return false;
  return free >= 0 && block.height + free + refitted === height;
}
