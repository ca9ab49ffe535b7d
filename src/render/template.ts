// The contract between the render core and designer-owned templates in templates/.
import type { Story } from '../story/schema.ts';
import type { FittedText, TextBox } from './fit.ts';
import type { Palette } from './theme.ts';
import type { SizeName, Theme } from './types.ts';

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

export interface TemplateContext {
  story: Story;
  theme: Theme;
  palette: Palette;
  size: Frame;
  /** data: URI of the story image, or null when absent/unfetchable (templates must fall back). */
  image: string | null;
  /** data: URI of the logo, or null. */
  logo: string | null;
}

export interface TextBoxes {
  headline: TextBox;
  /** Omit when the template has no room for a quote in this layout. */
  quote?: TextBox;
}

export interface RenderContext extends TemplateContext {
  headline: FittedText;
  quote?: FittedText;
}

export interface TemplateDefinition {
  meta: TemplateMeta;
  /** Where text goes for this story and size; the core fits text into these boxes. */
  boxes(ctx: TemplateContext): TextBoxes;
  /** The card as satori JSX. Draw fitted text with the kit's <Fitted> so layout matches measurement. */
  render(ctx: RenderContext): unknown;
}

export function defineTemplate(def: TemplateDefinition): TemplateDefinition {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(def.meta.name))
    throw new Error(`template name must be kebab-case: ${def.meta.name}`);
  return def;
}
