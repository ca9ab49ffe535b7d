// The contract between the render core and designer-owned templates in templates/.
import type { Story } from '../story/schema.ts';
import type { Palette } from './theme.ts';
import type { SizeName, Theme } from './types.ts';

/** The size names, for templates and their samples (the kit is all a template imports from src/). */
export type { SizeName } from './types.ts';

export interface TemplateMeta {
  /** URL- and CLI-safe name: lowercase letters, digits and dashes. */
  name: string;
  description: string;
  sizes: readonly SizeName[];
  /** Bump when a change alters pixels: card addresses include it, so caches never serve the old look. */
  version: number;
  /** The template is designed around a quote (the studio warns when a story has none). */
  wantsQuote?: boolean;
  /** The template draws the story's imageUrl (fetched before rendering). */
  usesImage?: boolean;
}

export interface Frame {
  name: SizeName;
  width: number;
  height: number;
}

/** The four compositions a template designs for: og and x share the wide one. */
export type Format = 'wide' | 'square' | 'portrait' | 'story';

export function formatOf(size: SizeName): Format {
  return size === 'og' || size === 'x' ? 'wide' : size;
}

export interface TemplateContext {
  story: Story;
  theme: Theme;
  palette: Palette;
  size: Frame;
  format: Format;
  /** The story's reading direction (from its headline): a right-to-left story mirrors the whole card. */
  dir: 'ltr' | 'rtl';
  /** The story's language, primary subtag ("en", "ja"); "en" when unknown. */
  lang: string;
  /** data: URI of the story image, or null when absent/unfetchable (templates must fall back). */
  image: string | null;
  /** data: URI of the logo, or null. */
  logo: string | null;
}

export interface TemplateDefinition {
  meta: TemplateMeta;
  /**
   * The card as one satori JSX tree, with its text in <Fit> slots. The core lays the tree out, fits each
   * slot's text to the box the layout gave it, and draws the fitted lines there: geometry lives here only.
   */
  render(ctx: TemplateContext): unknown;
}

export function defineTemplate(def: TemplateDefinition): TemplateDefinition {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(def.meta.name))
    throw new Error(`template name must be kebab-case: ${def.meta.name}`);
  return def;
}
