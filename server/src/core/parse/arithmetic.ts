/**
 * Rank and change arithmetic, in one place: every rule that relates a level, a change and the value
 * before the change uses these functions (rank-change-mismatch, implied-base-conflict).
 *
 * - Rank: "tăng N bậc" is a rise of N places, so the rank number falls by N: the earlier number was
 *   N **higher** (46/132, up 2 → 48 before); "giảm N bậc" means the earlier number was N lower
 *   (71/193, down 15 → 56 before).
 * - Absolute change of a count, currency…: earlier = level − change (up), level + change (down).
 * - Percentage points ("tăng 2,5 điểm phần trăm" of a rate): absolute, in points.
 * - Relative change in percent ("tăng 11%" of a non-percent level): level = earlier × (1 ± c/100).
 *   A percent change of a rate ("tỷ lệ … 42%, tăng 5%") may mean points or percent: both readings
 *   are returned, and a base agrees when either fits.
 * - Times ("gấp 3 lần"): level = earlier × N.
 * All of it on intervals: the rounding band at the stated precision and the qualifiers of both
 * figures (types.ts `Figure.interval`) carry through, so "46" and "tăng 2" give exactly 48, while
 * "khoảng 53 tỷ" and "tăng 11%" give a band.
 */
import type { Figure, FigureChange } from '../types';

export type Interval = [number, number];

/** How a change is measured. */
export type ChangeMode = 'rank' | 'absolute' | 'points' | 'percent' | 'times';

/** The part of a figure the arithmetic needs. */
export type ChangeFigure = Pick<Figure, 'interval' | 'unit' | 'unitClass' | 'kind'> & { change?: FigureChange };
export type LevelFigure = Pick<Figure, 'interval' | 'unitClass' | 'kind'>;

/**
 * The ways a change figure may be meant, given the level it changes: usually one; a "%" change of
 * a percent level is either points or a relative change. Empty when the two cannot be related
 * (a count change of a currency level).
 */
export function changeModes(change: ChangeFigure, level: LevelFigure): ChangeMode[] {
  if (!change.change) return [];
  if (change.change.times || change.unit === 'lần') return ['times'];
  if (change.unit === 'bậc' || change.unitClass === 'rank') return level.kind === 'rank' ? ['rank'] : [];
  if (level.kind === 'rank') return [];
  if (change.unitClass === 'points') return level.unitClass === 'percent' || level.kind === 'percent' ? ['points'] : [];
  if (change.unitClass === 'percent' || change.kind === 'percent') {
    return level.kind === 'percent' || level.unitClass === 'percent' ? ['points', 'percent'] : ['percent'];
  }
  if (change.unitClass === level.unitClass || change.unitClass === 'none') return ['absolute'];
  if (change.unitClass === 'count' && (level.unitClass === 'none' || level.kind === 'fraction')) return ['absolute'];
  return [];
}

const lo = (a: Interval, b: Interval, f: (x: number, y: number) => number): Interval => {
  const c = [f(a[0], b[0]), f(a[0], b[1]), f(a[1], b[0]), f(a[1], b[1])].filter((x) => !Number.isNaN(x));
  return c.length ? [Math.min(...c), Math.max(...c)] : [NaN, NaN];
};

/** The factor a relative change of `change` % applies, as an interval: up 3–4% → [1,03; 1,04]. */
function percentFactor(change: Interval, up: boolean): Interval {
  return up ? [1 + change[0] / 100, 1 + change[1] / 100] : [1 - change[1] / 100, 1 - change[0] / 100];
}

/**
 * The value before the change, as an interval, for one reading of the change: rank up 2 from 46 → 48;
 * 177 triệu up 23 triệu → 154 triệu; 117,3 up 3,4% → 113,4…; null when the reading gives nothing
 * (a relative fall of 100% or more).
 */
export function earlierValue(level: Interval, change: Interval, direction: 'up' | 'down', mode: ChangeMode): Interval | null {
  const up = direction === 'up';
  switch (mode) {
    case 'rank':
      // A rise of N places lowers the rank number by N: the earlier number was N higher.
      return up ? add(level, change) : sub(level, change);
    case 'absolute':
    case 'points':
      return up ? sub(level, change) : add(level, change);
    case 'percent': {
      const k = percentFactor(change, up);
      if (!(k[0] > 0)) return null;
      return lo(level, k, (x, y) => x / y);
    }
    case 'times': {
      if (!(change[0] > 0)) return null;
      return up ? lo(level, change, (x, y) => x / y) : lo(level, change, (x, y) => x * y);
    }
  }
}

/** The value after the change, from the earlier value: the inverse of {@link earlierValue}. */
export function laterValue(earlier: Interval, change: Interval, direction: 'up' | 'down', mode: ChangeMode): Interval | null {
  const up = direction === 'up';
  switch (mode) {
    case 'rank':
      return up ? sub(earlier, change) : add(earlier, change);
    case 'absolute':
    case 'points':
      return up ? add(earlier, change) : sub(earlier, change);
    case 'percent': {
      const k = percentFactor(change, up);
      return lo(earlier, k, (x, y) => x * y);
    }
    case 'times':
      return up ? lo(earlier, change, (x, y) => x * y) : lo(earlier, change, (x, y) => x / y);
  }
}

/** A rank number after a change in places: 59 up 8 → 51; 56 down 15 → 71. */
export function rankAfter(earlier: number, places: number, direction: 'up' | 'down'): number {
  return direction === 'up' ? earlier - places : earlier + places;
}

/** A rank number before a change in places: 46 up 2 → 48; 71 down 15 → 56. */
export function rankBefore(now: number, places: number, direction: 'up' | 'down'): number {
  return direction === 'up' ? now + places : now - places;
}

/** The candidate earlier intervals of a level and a change, one per reading of the change. */
export function impliedEarlier(level: LevelFigure, change: ChangeFigure): Interval[] {
  if (!change.change) return [];
  const out: Interval[] = [];
  for (const mode of changeModes(change, level)) {
    const v = earlierValue(level.interval, change.interval, change.change.direction, mode);
    if (v && (Number.isFinite(v[0]) || Number.isFinite(v[1]))) out.push(v);
  }
  return out;
}

/** The middle of an interval, or its finite end. */
export function middle(v: Interval): number {
  if (Number.isFinite(v[0]) && Number.isFinite(v[1])) return (v[0] + v[1]) / 2;
  return Number.isFinite(v[0]) ? v[0] : v[1];
}

function add(a: Interval, b: Interval): Interval {
  return [a[0] + b[0], a[1] + b[1]];
}

function sub(a: Interval, b: Interval): Interval {
  return [a[0] - b[1], a[1] - b[0]];
}
