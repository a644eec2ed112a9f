/**
 * The extension's built-in section snippets (snippets/policy-report.json, the file VS Code reads),
 * embedded by the build (scripts/aliases.mjs): the core names the data, never a path outside
 * server/src.
 */
declare module 'policy-report:section-snippets' {
  const snippets: Record<string, { prefix: string | string[]; body: string | string[]; description?: string }>;
  export default snippets;
}
