/** Finding what is under the cursor. */
import type { Analysis, ResolvedReference } from '../analyze';
import type { Position, Range } from '../types';

export function contains(range: Range, pos: Position): boolean {
  const afterStart = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function overlaps(a: Range, b: Range): boolean {
  return !(comparePos(a.end, b.start) < 0 || comparePos(b.end, a.start) < 0);
}

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function referenceAt(analysis: Analysis, pos: Position): ResolvedReference | null {
  return analysis.refs.find((r) => contains(r.ref.range, pos)) ?? null;
}
