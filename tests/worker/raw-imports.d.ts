// Vite's `?raw` imports (a file's text as a string), used to feed corpus articles to tests inside workerd.
declare module '*?raw' {
  const text: string;
  export default text;
}
