/** Font files imported by the bundle become asset URLs (Remotion's webpack rule for woff/woff2/otf/ttf). */
declare module '*.woff2' {
  const url: string;
  export default url;
}
