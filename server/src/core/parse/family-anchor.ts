/**
 * The anchor a sentence with one reference leaves for the next sentences of its paragraph
 * (family-carry.ts: the carry reads its names and measure). A module of its own so that its class
 * is registered with the held shapes (core/held-shapes.ts: made per reference sentence).
 */
import type { Figure } from '../types';
import { holdShapes } from '../held-shapes';
import type { Reference } from './model';
import { clauseBefore, measureOf, toldNames, type FamilyAnchor, type Measure, type Names } from './family-carry';

/**
 * The anchor a sentence with references leaves for the next sentences: its one reference (a
 * sentence naming two indices anchors none) with the names of its sentence; null when none.
 * `text`: the sentence with its references masked; `written`: the references' inner texts.
 */
export function anchorOf(made: Reference[], text: string, written: string[]): FamilyAnchor | null {
  if (made.length !== 1 || made[0].inTable) return null;
  return new Anchor(made[0], made[0].figure, text, written);
}

/**
 * An anchor whose names and measure are read when a next sentence with no reference asks for them
 * (carryOn): most sentences after one with a reference have references of their own, and reading
 * every such sentence's names (a Unicode regex over it) was 3 % of a first check of the 1 MB draft.
 * What is read is what anchorOf read at once before: the same sentence, reference and bound figure.
 */
class Anchor implements FamilyAnchor {
  private names: Names | undefined;
  private shape: Measure | null | undefined;
  constructor(
    readonly ref: Reference,
    private readonly f: Figure | null,
    private readonly text: string,
    private readonly written: string[],
  ) {}
  get subjects(): Set<string> {
    return (this.names ??= toldNames(this.text, this.written)).subjects;
  }
  get acronyms(): Set<string> {
    return (this.names ??= toldNames(this.text, this.written)).acronyms;
  }
  get part(): boolean | undefined {
    return (this.names ??= toldNames(this.text, this.written)).part;
  }
  get measure(): Measure | undefined {
    // The words of the name, and of the bound value's clause before it ("Cục … xử lý 11.213 cuộc").
    const f = this.f;
    if (this.shape === undefined) this.shape = measureOf(f, `${this.written[0] ?? ''} ${f ? clauseBefore(this.text, this.text.indexOf(f.raw)) : ''}`);
    return this.shape ?? undefined;
  }
}

holdShapes(Anchor);
