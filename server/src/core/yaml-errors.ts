/**
 * The yaml package names one place once per unclosed bracket ("{{{" at a file's end: three errors with
 * the same position, code and message). A file's reader reports each distinct error once.
 */
interface YamlErrorLike {
  pos: [number, number];
  code: string;
  message: string;
}

/** The errors in their order, each (position, code, message) once. */
export function distinctYamlErrors<T extends YamlErrorLike>(errors: readonly T[]): T[] {
  const seen = new Set<string>();
  return errors.filter((err) => {
    const key = `${err.pos[0]}:${err.pos[1]}:${err.code}:${err.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
