/**
 * The TextMate grammars: both load as JSON, every regex compiles with JavaScript's RegExp (the
 * injection grammar is written in the subset Oniguruma and JavaScript share), and the patterns
 * for references, figures and period phrases tokenize sentences of the seed articles as a
 * reader expects — and leave document numbers and dates alone.
 *
 * The tokenizer below mimics vscode-textmate on one line for `match` rules: at each position every
 * pattern searches forward, the earliest match wins (ties go to the pattern listed first), its
 * captures are scoped, and scanning resumes after it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, { name?: string }>;
}

interface Grammar extends Rule {
  scopeName: string;
  injectionSelector?: string;
  repository?: Record<string, Rule>;
}

const syntaxes = path.join(repoRoot, 'syntaxes');
const load = (file: string): Grammar => JSON.parse(fs.readFileSync(path.join(syntaxes, file), 'utf8'));

const main = load('policy-report.tmLanguage.json');
const injection = load('policy-report.injection.tmLanguage.json');

/** Oniguruma-only syntax that JavaScript's RegExp does not understand (`\G` aside, see {@link toJs}). */
const ONIGURUMA_ONLY = /\\[AzZhH]|\(\?[imx]+[:)]|\(\?>|[+*?]\+/;

/**
 * An Oniguruma pattern as JavaScript: `\G` (where the last match or the enclosing block began) has
 * no JavaScript equivalent; each sample line here stands for the start of a block, so it becomes `^`.
 */
function toJs(source: string): string {
  return source.replace(/\\G/g, '^');
}

/** Every regex of a grammar, with where it was found. */
function regexes(node: unknown, where = '$'): { where: string; source: string }[] {
  const out: { where: string; source: string }[] = [];
  if (Array.isArray(node)) {
    node.forEach((n, i) => out.push(...regexes(n, `${where}[${i}]`)));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && (k === 'match' || k === 'begin' || k === 'end' || k === 'while')) {
        out.push({ where: `${where}.${k}`, source: v });
      } else {
        out.push(...regexes(v, `${where}.${k}`));
      }
    }
  }
  return out;
}

interface CompiledRule {
  name?: string;
  re: RegExp;
  captures: Record<string, { name?: string }>;
}

/** Flattens the injection grammar's top-level patterns, resolving `#repository` includes. */
function flatten(grammar: Grammar, rules: Rule[], seen = new Set<string>()): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const rule of rules) {
    if (rule.include) {
      assert.ok(rule.include.startsWith('#'), `only local includes expected, got ${rule.include}`);
      const key = rule.include.slice(1);
      const target = grammar.repository?.[key];
      assert.ok(target, `include ${rule.include} has no repository entry`);
      if (seen.has(key)) continue;
      out.push(...flatten(grammar, [target], new Set([...seen, key])));
    } else if (rule.match) {
      out.push({ name: rule.name, re: new RegExp(toJs(rule.match), 'dgu'), captures: rule.captures ?? {} });
    } else if (rule.begin && rule.end && !rule.patterns) {
      // A begin/end rule with no inner patterns, as seen on one line: begin, anything, end.
      out.push({ name: rule.name, re: new RegExp(`(?:${toJs(rule.begin)})[\\s\\S]*?(?:${toJs(rule.end)})`, 'dgu'), captures: {} });
    } else if (rule.patterns) {
      // A rule that only groups patterns: its name (if any) would wrap them; none of ours has one.
      out.push(...flatten(grammar, rule.patterns, seen));
    }
  }
  return out;
}

interface Token {
  text: string;
  start: number;
  scopes: string[];
}

const compiled = flatten(injection, injection.patterns ?? []);

/** Tokens of one line: every matched region and every scoped capture, as text + scopes. */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < line.length) {
    let best: { rule: CompiledRule; m: RegExpExecArray } | undefined;
    for (const rule of compiled) {
      rule.re.lastIndex = pos;
      const m = rule.re.exec(line);
      if (m && (!best || m.index < best.m.index)) best = { rule, m };
    }
    if (!best) break;
    const { rule, m } = best;
    if (rule.name) tokens.push({ text: m[0], start: m.index, scopes: [rule.name] });
    for (const [group, cap] of Object.entries(rule.captures)) {
      const span = m.indices?.[Number(group)];
      if (span && cap.name && span[1] > span[0]) {
        tokens.push({ text: line.slice(span[0], span[1]), start: span[0], scopes: cap.name.split(/\s+/) });
      }
    }
    pos = m[0].length > 0 ? m.index + m[0].length : m.index + 1;
  }
  return tokens;
}

/** Texts of the tokens of `line` that carry a scope starting with `scope`. */
function texts(line: string, scope: string): string[] {
  return tokenize(line)
    .filter((t) => t.scopes.some((s) => s === scope || s.startsWith(scope + '.')))
    .map((t) => t.text);
}

/** Numerals of figures: `constant.numeric.figure.policy-report` and, for denominators, `constant.numeric.figure.denominator.policy-report`. */
const FIGURE = 'constant.numeric.figure';
const NUMERIC = 'constant.numeric';
const PERIOD = 'constant.other.period.policy-report';
const NAME = 'entity.name.type.indicator.policy-report';
const QUALIFIER = 'keyword.other.qualifier.policy-report';
const UNIT = 'keyword.other.unit.policy-report';

describe('TextMate grammars', () => {
  describe('loading', () => {
    it('the language grammar is Markdown under its own scope', () => {
      assert.equal(main.scopeName, 'text.html.markdown.policy-report');
      assert.deepEqual(main.patterns, [{ include: 'text.html.markdown' }]);
    });

    it('the injection grammar targets Markdown outside code and comments', () => {
      assert.equal(injection.scopeName, 'policy-report.injection');
      assert.equal(injection.injectionSelector, 'L:text.html.markdown -markup.fenced_code -markup.inline.raw -comment');
      assert.ok((injection.patterns ?? []).length > 0);
    });

    it('no injected pattern can match at the start of a line outside a block (Markdown starts its blocks there)', () => {
      for (const { where, source } of regexes(injection)) {
        if (where.endsWith('.end')) continue;
        assert.ok(source.startsWith('(?:(?<=.)|\\G)'), `${where} lacks the line-start guard`);
      }
    });

    it('every include points at an existing repository entry', () => {
      const includes = JSON.stringify(injection).match(/"include":\s*"#([^"]+)"/g) ?? [];
      for (const inc of includes) {
        const key = /#([^"]+)/.exec(inc)![1];
        assert.ok(injection.repository?.[key], `missing repository entry ${key}`);
      }
    });

    it('every regex compiles with JavaScript RegExp (Oniguruma-only syntax aside)', () => {
      const all = [...regexes(main), ...regexes(injection)];
      assert.ok(all.length >= 8, `expected the injection's regexes, found ${all.length}`);
      let checked = 0;
      for (const { where, source } of all) {
        if (ONIGURUMA_ONLY.test(source)) continue;
        assert.doesNotThrow(() => new RegExp(toJs(source), 'u'), `${where}: ${source}`);
        checked++;
      }
      assert.ok(checked >= 8);
    });

    it('the language configuration word pattern compiles and keeps Vietnamese words whole', () => {
      const config = JSON.parse(fs.readFileSync(path.join(repoRoot, 'language-configuration.json'), 'utf8'));
      const re = new RegExp(config.wordPattern.pattern, config.wordPattern.flags.includes('g') ? config.wordPattern.flags : config.wordPattern.flags + 'g');
      assert.deepEqual('Tỷ lệ đạt 8,47%'.match(re), ['Tỷ', 'lệ', 'đạt', '8,47%']);
      assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
      assert.ok(config.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '[[' && p.close === ']]'));
    });
  });

  describe('references', () => {
    it('scopes the brackets, the name and the compiler code', () => {
      const line = 'Theo Tổng cục Thống kê, [[tỷ trọng kinh tế số trong GDP @ TCTK]] năm 2024 là 13,17%.';
      assert.deepEqual(texts(line, NAME), ['tỷ trọng kinh tế số trong GDP']);
      assert.deepEqual(texts(line, 'storage.modifier'), ['@', 'TCTK']);
      assert.deepEqual(texts(line, 'punctuation.definition.reference'), ['[[', ']]']);
      assert.deepEqual(texts(line, PERIOD), ['năm 2024']);
      assert.deepEqual(texts(line, FIGURE), ['13,17']);
      assert.ok(tokenize(line).some((t) => t.text === '13,17' && t.scopes.includes('constant.numeric.figure.policy-report')));
    });

    it('keeps digits inside a name as part of the name', () => {
      const line = '[[Tỷ lệ dịch vụ công trực tuyến mức độ 4]] là 97,3% (chiếm 52,33% tổng số thủ tục hành chính).';
      assert.deepEqual(texts(line, NAME), ['Tỷ lệ dịch vụ công trực tuyến mức độ 4']);
      assert.deepEqual(texts(line, FIGURE), ['97,3', '52,33']);
    });

    it('does not take an escaped or unclosed bracket for a reference', () => {
      assert.deepEqual(texts('Viết \\[[tên]] để tham chiếu.', NAME), []);
      assert.deepEqual(texts('[[tỷ lệ hồ sơ', NAME), []);
    });
  });

  describe('figures (sentences of the seeds)', () => {
    const cases: { line: string; figures: string[]; qualifiers?: string[]; units?: string[] }[] = [
      {
        line: 'Ước tính tổng doanh thu kinh tế số quý I/2022 khoảng 53 tỷ USD, đóng góp khoảng 10,2% GDP...',
        figures: ['53', '10,2'],
        qualifiers: ['khoảng', 'khoảng'],
        units: [' tỷ USD', '%'],
      },
      { line: 'Tỷ lệ hồ sơ trực tuyến toàn trình cả nước đạt 42%.', figures: ['42'], units: ['%'] },
      {
        line: 'xây dựng 40.590 tổ công nghệ số cộng đồng đến tận thôn, xóm với hơn 200.000 thành viên tham gia',
        figures: ['40.590', '200.000'],
        qualifiers: ['hơn'],
      },
      {
        line: 'đã có trên 177 triệu hồ sơ xử lý trên Cổng dịch vụ công quốc gia, tăng trên 23 triệu so với cuối năm 2022;',
        figures: ['177', '23'],
        qualifiers: ['trên', 'trên'],
        units: [' triệu', ' triệu'],
      },
      {
        line: 'số lượng các nền tảng số Việt Nam có phát sinh người dùng thường xuyên hằng tháng tăng so với cùng kỳ năm trước là 8,47%.',
        figures: ['8,47'],
      },
      { line: 'Kinh tế số ước đạt tăng trưởng 22,4% và tỷ trọng kinh tế số trong GDP ước đạt 18,3%.', figures: ['22,4', '18,3'], qualifiers: ['ước đạt'] },
      { line: 'Phát triển doanh nghiệp công nghệ số đạt 50.350 doanh nghiệp/mục tiêu 48.000 doanh nghiệp', figures: ['50.350', '48.000'] },
      { line: 'Trên Cổng Dịch vụ công quốc gia có thêm 1.5 triệu tài khoản.', figures: ['1.5'], units: [' triệu'] },
      { line: 'Tỉnh Bắc Kạn xếp thứ 51/63 tỉnh, tăng 8 bậc', figures: ['51', '63', '8'], units: [' bậc'] },
    ];
    for (const c of cases) {
      it(c.line.slice(0, 70), () => {
        assert.deepEqual(texts(c.line, FIGURE), c.figures);
        if (c.qualifiers) assert.deepEqual(texts(c.line, QUALIFIER), c.qualifiers);
        if (c.units) assert.deepEqual(texts(c.line, UNIT), c.units);
      });
    }

    it('reads fractions, with "tổng số" and thousands groups', () => {
      const line = 'được phủ sóng băng rộng di động 256/tổng số 896 thôn, bản lõm sóng, có điện, đạt tỷ lệ 28,6%.';
      assert.deepEqual(texts(line, 'meta.figure.fraction.policy-report'), ['256/tổng số 896']);
      assert.deepEqual(texts(line, FIGURE), ['256', '896', '28,6']);
      assert.deepEqual(texts('đã đạt 14.727/15.981 cửa hàng…', FIGURE), ['14.727', '15.981']);
      assert.deepEqual(texts('triển khai dịch vụ công thiết yếu: 43/53 dịch vụ.', FIGURE), ['43', '53']);
      assert.deepEqual(texts('| [[dịch vụ công thiết yếu]] | 2024-S1 | 43/53 |', FIGURE), ['43', '53']);
    });

    it('reads ranks after "xếp thứ" / "xếp hạng thứ"', () => {
      const line = '(năm 2020, Bắc Kạn xếp hạng thứ 59/63 tỉnh, thành phố)./.';
      assert.deepEqual(texts(line, 'keyword.other.rank'), ['xếp hạng thứ']);
      assert.deepEqual(texts(line, FIGURE), ['59', '63']);
    });
  });

  describe('period phrases', () => {
    const phrases: [string, string][] = [
      ['Theo báo cáo tình hình triển khai chuyển đổi số trong quý I/2022 của Bộ Thông tin và Truyền thông', 'quý I/2022'],
      ['Hội nghị sơ kết 6 tháng đầu năm 2024 về chuyển đổi số quốc gia', '6 tháng đầu năm 2024'],
      ['Trong 2 tháng đầu năm 2023, chuyển đổi số tiếp tục được đẩy mạnh.', '2 tháng đầu năm 2023'],
      ['tăng 2 triệu thẻ so với cuối năm 2022.', 'cuối năm 2022'],
      ['năm 2023 là năm bản lề thực hiện Nghị quyết Đại hội XIII', 'năm 2023'],
      ['Doanh thu tháng 2/2023 tăng.', 'tháng 2/2023'],
      ['số liệu tính đến ngày 25/2/2023', 'tính đến ngày 25/2/2023'],
      ['| [[doanh thu kinh tế số]] | 2022-Q1 | khoảng 53 tỷ USD | |', '2022-Q1'],
      ['| [[số hồ sơ]] | 2023-YTD02 | trên 177 triệu hồ sơ | |', '2023-YTD02'],
      ['| [[Tỷ trọng kinh tế số trong GDP @ TCTK]] | 2024 | 13,17% | |', '2024'],
    ];
    for (const [line, phrase] of phrases) {
      it(phrase, () => {
        assert.ok(texts(line, PERIOD).includes(phrase), `${JSON.stringify(texts(line, PERIOD))} lacks ${phrase}`);
        // The digits of a period phrase are not figures.
        for (const f of texts(line, FIGURE)) assert.ok(!phrase.includes(f) || line.split(f).length > 2, `${f} read as a figure`);
      });
    }

    it('scopes "so với cùng kỳ" as the base of a change', () => {
      const line = 'số lượng doanh nghiệp công nghệ số Việt Nam tăng 8% so cùng kỳ năm 2023.';
      assert.deepEqual(texts(line, 'keyword.other.comparison'), ['so']);
      assert.deepEqual(texts(line, PERIOD), ['cùng kỳ năm 2023']);
      assert.deepEqual(texts(line, FIGURE), ['8']);
      assert.deepEqual(texts(line, 'keyword.other.change'), ['tăng']);
    });
  });

  describe('never figures', () => {
    const lines = [
      '749/QĐ-TTg',
      'Quyết định 749/QĐ-TTg',
      'theo Nghị định 42/2022/NĐ-CP',
      'Kế hoạch số 93/KH-UBND triển khai các nhiệm vụ',
      'tại Quyết định số 422/QĐ-TTg ngày 4/4/2022.',
      'triển khai theo yêu cầu Quyết định 06/QĐ-TTg thực hiện số hóa',
      'Sáng ngày 27/4/2022, Ủy ban đã tổ chức phiên họp',
      '27/4/2022',
      '29/04/2022',
      'Tại Phiên họp thứ 2 của Ủy ban Chuyển đổi số quốc gia ngày 27/4, các đại biểu',
      'Ngày 10-7, Thủ tướng chủ trì Phiên họp lần thứ 9',
      'bỏ sổ hộ khẩu giấy (từ 1-1-2023)',
      'Ngày 10/10 hằng năm là Ngày Chuyển đổi số quốc gia',
      'date: 2022-04-27',
      'giai đoạn 2022-2025, tầm nhìn đến năm 2030',
      'triển khai Đề án 06 của Chính phủ',
      'dịch vụ công trực tuyến mức độ 4',
      'mạng 4G, 5G và COVID-19',
      'hỗ trợ 24/7.',
    ];
    for (const line of lines) {
      it(line, () => {
        const numeric = tokenize(line).filter((t) => t.scopes.some((s) => s.startsWith(NUMERIC)));
        assert.deepEqual(numeric.map((t) => t.text), [], `figures found in ${JSON.stringify(line)}`);
      });
    }

    it('nothing inside an HTML comment within a paragraph', () => {
      const line = 'Văn bản <!-- [[doanh thu kinh tế số]] khoảng 53 tỷ USD --> rồi đạt 42%.';
      assert.deepEqual(texts(line, NAME), []);
      assert.deepEqual(texts(line, FIGURE), ['42']);
    });

    it('a document number does not hide the figure after it', () => {
      const line = 'Theo Quyết định 749/QĐ-TTg, kinh tế số đạt 20% GDP.';
      assert.deepEqual(texts(line, FIGURE), ['20']);
    });
  });
});
