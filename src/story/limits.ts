// How long a story's texts may be: plain constants, so the studio's browser script can import them without zod.
export const HEADLINE_MAX = 300;
export const QUOTE_MAX = 600;
