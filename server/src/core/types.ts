/**
 * Shared types of the pure core. Nothing here knows about VS Code, the LSP connection or the file
 * system. Positions follow LSP: 0-based line, character in UTF-16 code units.
 */

/** A position in a text document (LSP convention). */
export interface Position {
  line: number;
  character: number;
}

/** A range in a text document (LSP convention, end exclusive). */
export interface Range {
  start: Position;
  end: Position;
}

/** Severity of a finding, as written in the CLI JSON and in settings. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A rule's configured severity, or "off". */
export type RuleSetting = Severity | 'off';

/** A location in another file, for relatedInformation. */
export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** A text edit proposed by a quick fix. */
export interface TextEditData {
  range: Range;
  newText: string;
}

/** A quick fix attached to a finding: a title and the edits that apply it. */
export interface FixData {
  title: string;
  edits: TextEditData[];
  /** The fix a user most likely wants (VS Code's isPreferred). */
  preferred?: boolean;
}

/** One finding of one rule in one document. */
export interface Finding {
  /** The rule id, e.g. `unknown-indicator`. Stable: tests, settings and CI depend on it. */
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  related?: RelatedLocation[];
  fixes?: FixData[];
  /** Extra data the rule wants to keep (e.g. suggestions). */
  data?: Record<string, unknown>;
}

/** How a figure is qualified; the qualifier widens the figure to an interval. */
export type Qualifier =
  | 'khoảng'
  | 'gần'
  | 'hơn'
  | 'trên'
  | 'dưới'
  | 'ước'
  | 'ước đạt'
  | 'ước tính'
  | 'tiến sát'
  | 'đạt'
  | 'tối thiểu'
  | 'tối đa';

/** What kind of quantity a figure expresses. */
export type FigureKind = 'number' | 'percent' | 'fraction' | 'rank';

/** The family of a figure's unit, used to judge whether it fits an indicator. */
export type UnitClass = 'currency' | 'percent' | 'points' | 'count' | 'rank' | 'none';

/** Something worth telling the writer about how a figure is written. */
export interface FigureNote {
  /**
   * `english-decimal`: a lone dot followed by 1–2 digits ("1.5 triệu"), read as a decimal point.
   * `ambiguous-comma`: a lone comma followed by exactly 3 digits ("50,350"), read as a decimal
   * comma (the Vietnamese rule) but possibly meant as a thousands separator.
   */
  code: 'english-decimal' | 'ambiguous-comma';
  message: string;
}

/**
 * What a figure says in its sentence (parse/clauses.ts): the indicator's value (`level`; a `rank`,
 * a level on a `scale` "cấp độ 6/10", a `part` of a whole "76 trong số 106", a `rate` per
 * population "0,69 doanh nghiệp trên 1.000 dân" are levels too), a `change` of it, the `base` a
 * change starts from ("từ A … lên B": A), or a `target` ("mục tiêu năm 2025 là 20%").
 */
export type FigureRole = 'level' | 'change' | 'base' | 'target' | 'rank' | 'scale' | 'part' | 'rate';

/** The set a rank is taken in, when the sentence says it: "thế giới", "ASEAN", "khu vực". */
export type RankScopeWritten = 'world' | 'asean' | 'asia' | 'region';

/** A change stated with a figure: "tăng 23 triệu so với cuối năm 2022", "tăng 8 bậc". */
export interface FigureChange {
  direction: 'up' | 'down';
  /** The period the change is measured against, if stated ("so với cuối năm 2022" → 2022-12-31). */
  against?: string;
  /** "so với cùng kỳ (năm trước)": the same period one year earlier. */
  sameTimeLastYear?: boolean;
  /** "gấp 3 lần", "tăng gấp hơn 1,7 lần": the level is this many times the base. */
  times?: boolean;
}

/**
 * A figure as written in Vietnamese official text, and what a Vietnamese reader means by it.
 * Offsets are relative to the text given to the figure reader.
 */
export interface Figure {
  /** The whole figure as written, qualifier, change word, multiplier and unit included. */
  raw: string;
  start: number;
  end: number;
  /** Offsets of the numeral alone ("53" in "khoảng 53 tỷ USD"). */
  numeralStart: number;
  numeralEnd: number;
  /** The numeral as written: "53", "40.590", "8,47", "256/896". */
  numeral: string;
  kind: FigureKind;
  /**
   * Value in base units: mantissa × multiplier. "53 tỷ USD" → 53e9; "42%" → 42 (percent points,
   * not 0.42); a fraction "256/896" → 256 (the numerator; see `denominator`); a rank "51/63" → 51.
   */
  value: number;
  /** The number as written, before the multiplier: 53 for "53 tỷ". */
  mantissa: number;
  /** 1, 1e3 (nghìn/ngàn), 1e6 (triệu), 1e9 (tỷ/tỉ), 1e12 (nghìn tỷ), 1e15 (triệu tỷ). */
  multiplier: number;
  multiplierWord: string | null;
  /** "USD", "đồng", "%", "điểm phần trăm", "bậc", or the counted noun ("doanh nghiệp", "hồ sơ"). */
  unit: string | null;
  unitClass: UnitClass;
  qualifier: Qualifier | null;
  /** Digits written after the decimal sign: 0 for "53", 1 for "53,1", 2 for "8,47". */
  decimals: number;
  /** Denominator of a fraction or rank ("256/896" → 896). */
  denominator?: number;
  /** "x doanh nghiệp/mục tiêu y": the target stated beside the figure. */
  target?: number;
  /** A change ("tăng", "giảm") rather than a level. */
  change?: FigureChange;
  /**
   * The interval of values the writer can mean, in base units: rounding at the stated precision,
   * widened by the qualifier (trên/hơn: only above; gần/dưới/tiến sát: only below; khoảng/ước:
   * a wider band). Infinity is allowed at an open end.
   */
  interval: [number, number];
  notes: FigureNote[];
  /** What the figure says in its sentence; the figure reader sets what the words around the numeral show, the clause reader the rest. */
  role?: FigureRole;
  /** A rank's scope, when written beside it ("đứng thứ 46 thế giới", "thứ 2 ASEAN"). */
  scope?: RankScopeWritten;
  /** A rate's population: 1000 for "0,69 doanh nghiệp trên 1.000 dân". */
  per?: number;
  /**
   * "tăng trưởng 22,4%": the level of a growth indicator (a rate), not a change of a level. Set
   * only when the growth word stands before the numeral.
   */
  growth?: boolean;
}

/** A period phrase found in text: "quý I/2022", "6 tháng đầu năm 2024", "cuối năm 2022". */
export interface PeriodPhrase {
  raw: string;
  start: number;
  end: number;
  /** Period code: "2023", "2022-Q1", "2024-S1", "2023-02", "2023-02-25", "2023-YTD02", ... */
  code: string;
  /** True when the phrase names a base of comparison ("so với cuối năm 2022"), not the figure's own period. */
  comparison: boolean;
  /**
   * The phrase states no year ("6 tháng cuối năm", "ngày 27/4"): `code` has `XXXX` for the year,
   * or the year the caller passed to `readPeriods(text, { year })`.
   */
  yearless?: boolean;
}
