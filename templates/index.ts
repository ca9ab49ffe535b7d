// The template registry: every card template, in the order the studio and `storycard templates` list them.
import breaking from './breaking.tsx';
import headline from './headline.tsx';
import photo from './photo.tsx';
import quote from './quote.tsx';

export default [quote, headline, photo, breaking];
