/** esbuild bundles `.yaml` files as text (see scripts/build.mjs, `loader: { '.yaml': 'text' }`). */
declare module '*.yaml' {
  const text: string;
  export default text;
}
