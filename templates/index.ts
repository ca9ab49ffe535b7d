// The template registry: every card template, in the order the studio and `storycard templates` list them.
import { TemplateRegistry } from '../src/render/registry.ts';
import breaking from './breaking.tsx';
import headline from './headline.tsx';
import photo from './photo.tsx';
import quote from './quote.tsx';

const templates = [quote, headline, photo, breaking];
export default templates;

/** The bundled templates as the render core takes them (index.ts and the CLI hand it to every render). */
export const registry = new TemplateRegistry(templates);
