/**
 * `policy-report init [DIR]` and `policy-report new [REPORT|DIR]`: a team's first workspace and the
 * next session's draft. Both write only through io/write.ts (atomic, never through a link, never
 * over an existing file without --force). `initWorkspace` and `newDraftFile` are also what the
 * VS Code commands run.
 */
import { lstat, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { STANDARD_SECTIONS } from '../core/config';
import { formatDate, msg, pick, type Lang, type Msg } from '../core/i18n';
import { isIsoDate, lastSession, nextDraft, type NextDraft } from '../core/new-draft';
import { describePeriod, isPeriodCode } from '../core/parse/period-codes';
import { expandPaths, readWorkspaceFile } from './files';
import { schemaReference } from '../io/schema';
import { checkWritable, writeFileAtomic, WriteRefused } from '../io/write';
import { localeLang, UsageError, writeErrorText, type CommandSpec, type ParsedArgs } from './command';

const LANG = { long: 'lang', short: 'l', value: 'vi|en', choices: ['vi', 'en'], help: 'language of the messages (default: the locale)' } as const;

export const INIT_SPEC: CommandSpec = {
  name: 'init',
  operands: '[DIR]',
  description: 'Tạo không gian làm việc mới / Creates a workspace in DIR (default: the working folder):\n.policy-report/ (config.yaml, indicators.yaml, snippets/) and a first report.',
  options: [{ long: 'force', help: 'replace files that already exist' }, { long: 'date', value: 'YYYY-MM-DD', help: 'the first session\'s date (default today)' }, LANG],
  notes: 'Nothing is written when one of the files exists (unless --force).\nExit codes: 0 created, 2 usage error or refused write.',
};

export const NEW_SPEC: CommandSpec = {
  name: 'new',
  operands: '[REPORT|DIR]',
  description: 'Dự thảo cho phiên kế tiếp / The next session\'s draft, made from the last session\'s report (the\nhighest session number under DIR, or REPORT): same sections, each indicator kept with its value emptied.',
  options: [
    { long: 'date', value: 'YYYY-MM-DD', help: 'the new session\'s date (default today)' },
    { long: 'period', value: 'CODE', help: 'the new default period (default: guessed from the last one and the date)' },
    { long: 'out', short: 'o', value: 'FILE', help: 'the draft\'s file (default: beside the last report, its name moved on)' },
    { long: 'force', help: 'replace an existing --out file' },
    LANG,
  ],
  notes: 'Exit codes: 0 written, 2 usage error, no earlier report, or refused write.',
};

/** Today as YYYY-MM-DD in local time. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The files `init` writes, relative to DIR, with their text. */
export function initFiles(dir: string, date: string): Array<{ rel: string; text: string }> {
  const configSchema = schemaReference(path.join(dir, '.policy-report', 'config.yaml'), 'config.schema.json');
  const catalogSchema = schemaReference(path.join(dir, '.policy-report', 'indicators.yaml'));
  const year = Number(date.slice(0, 4));
  const otherSections = STANDARD_SECTIONS.slice(1).map((s) => `## ${s}\n`).join('\n');
  const config = `${configSchema ? `# yaml-language-server: $schema=${configSchema}\n` : ''}#
# Cấu hình chung của nhóm (lưu vào git cùng các báo cáo). Bỏ dấu # ở đầu dòng để dùng một khóa.
# The team's shared settings (kept in git with the reports). Remove the # to use a key.
# VS Code settings (policyReport.*) override these for one user.

# Ngôn ngữ của thông báo: auto (theo trình soạn thảo hoặc locale), vi, en.
# Language of the messages: auto (the editor's or the locale's), vi, en.
# language: vi

# Độ trễ kiểm tra khi gõ, mili giây (0–5000) · Delay before checking while typing, ms (0–5000).
# debounceMs: 300

# Mức độ của từng quy tắc: off, hint, information, warning, error (docs/rules/).
# Severity per rule: off, hint, information, warning, error (docs/rules/).
# rules:
#   english-decimal: error
#   unmarked-indicator: "off"

# Quy tắc large-movement: mức thay đổi so với số liệu kỳ trước được coi là lớn (0,2 = 20%).
# Rule large-movement: how far a value may move from the previous reported one (0.2 = 20%).
# largeMovementShare: 0.2

# Các mục mọi báo cáo phải có, theo thứ tự · Sections every report must have, in order.
# requiredSections:
${STANDARD_SECTIONS.map((s) => `#   - ${s}`).join('\n')}

# Tệp nào là lịch sử (mẫu glob, tính từ thư mục này) · Which files are history (globs from this folder).
# history:
#   include: ["**/*.report.md"]
#   exclude: ["luu-tru/**"]
`;
  const indicators = `${catalogSchema ? `# yaml-language-server: $schema=${catalogSchema}\n` : ''}#
# Danh mục chỉ tiêu riêng của nhóm, thêm vào danh mục mặc định (cùng id: thay mục mặc định).
# The team's own indicators, added to the default catalog (the same id replaces a default entry).
# \`policy-report catalog add "Tên chỉ tiêu" --unit % --measure rate\` thêm một mục · adds one.
indicators: []
`;
  const snippet = `{
  // Đoạn mẫu của nhóm: gõ tiền tố (prefix) trong báo cáo để chèn · Team snippets: type a prefix in a report.
  // Tiền tố riêng, không trùng đoạn mẫu có sẵn (ketluan) · A prefix of its own, not a built-in one (ketluan).
  "Kết luận của Chủ tịch Ủy ban": {
    "prefix": ["chutich", "ket-luan-chu-tich"],
    "body": ["## Kết luận, chỉ đạo", "", "Chủ tịch Ủy ban \${1:…} yêu cầu \${2:các bộ, ngành, địa phương} $0"],
    "description": "Mở mục Kết luận, chỉ đạo · Opens the conclusions section"
  }
}
`;
  const report = `---
session: 1
date: ${date}
period: ${year - 1}
title: Báo cáo Phiên họp thứ 1
---

# Báo cáo Phiên họp thứ 1

<!-- Báo cáo đầu tiên: thay "…" bằng số liệu, tên chỉ tiêu đặt trong [[ ]] (gõ [[ để được gợi ý).
     First report: replace "…" with figures; indicator names go in [[ ]] (type [[ for suggestions). -->

## ${STANDARD_SECTIONS[0]}

[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt …%.

${otherSections}`;
  return [
    { rel: '.policy-report/config.yaml', text: config },
    { rel: '.policy-report/indicators.yaml', text: indicators },
    { rel: '.policy-report/snippets/nhom.json', text: snippet },
    { rel: `phien-01-${date}.report.md`, text: report },
  ];
}

/**
 * Creates the workspace files under `dir` (made if missing). Every target is checked before the
 * first is written, so a refusal writes nothing; throws WriteRefused (or the system's error).
 * Returns the files written, absolute.
 */
export async function initWorkspace(dir: string, options: { force?: boolean; date: string }): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  // A folder that already holds reports (a team adopting the tool) keeps them as its history: a
  // "session 1" dated today among them would be a false session, so no first report is written.
  const hasReports = expandPaths([dir]).files.length > 0;
  const files = initFiles(dir, options.date).filter((f) => !(hasReports && f.rel.endsWith('.report.md')));
  // The data folders must not be links (they would send the writes elsewhere) nor files.
  const missing: string[] = [];
  for (const sub of ['.policy-report', '.policy-report/snippets']) {
    const p = path.join(dir, sub);
    const st = await lstat(p).catch(() => undefined);
    if (st && !st.isDirectory()) throw new WriteRefused(p, st.isSymbolicLink() ? 'symlink' : 'not-regular', st.isSymbolicLink() ? msg('là một liên kết tượng trưng; không ghi xuyên qua liên kết', 'is a symbolic link; a write never goes through a link') : msg('đã có nhưng không phải thư mục', 'exists but is not a folder'));
    if (!st) missing.push(p);
  }
  // Every target is checked before anything is made: a refusal leaves the folder as it was.
  for (const f of files) {
    const target = path.join(dir, f.rel);
    if (!missing.includes(path.dirname(target))) await checkWritable(target, { force: options.force });
  }
  for (const p of missing) await mkdir(p);
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(dir, f.rel);
    await writeFileAtomic(target, f.text, { force: options.force });
    written.push(target);
  }
  return written;
}

/** `new` found no report to start from (not a usage error: the folder is right, it has no session yet). */
export class NoEarlierReport extends Error {
  constructor(readonly from: string) {
    super(`no report with a session number or date in ${from}`);
  }
}

/**
 * The next session's draft from the last report under `from` (a report or a folder): read, made
 * (core/new-draft.ts), and written beside it or to `out`. Returns the file written and the draft.
 */
export async function newDraftFile(from: string, options: { date?: string; period?: string; out?: string; force?: boolean; today: string }): Promise<{ file: string; draft: NextDraft; last: string }> {
  const st = await lstat(from).catch(() => undefined);
  if (!st) throw new UsageError(`${from}: no such file or folder`);
  // A folder is searched as `check` searches it (io/walk.ts: links to folders not followed).
  const candidates = st.isDirectory() ? expandPaths([from]).files : [path.resolve(from)];
  const reports: Array<{ file: string; text: string }> = [];
  for (const file of candidates) {
    const r = await readWorkspaceFile(file);
    if ('text' in r) reports.push({ file, text: r.text });
  }
  const last = lastSession(reports);
  if (!last) throw new NoEarlierReport(from);
  const draft = nextDraft(last.text, { date: options.date, period: options.period, today: options.today }, `file:///${path.basename(last.file)}`);
  const file = options.out ?? path.join(path.dirname(last.file), draft.fileName);
  await writeFileAtomic(file, draft.text, { force: options.force, inputs: [last.file] });
  return { file, draft, last: last.file };
}

function langOf(value: string | undefined): Lang {
  return (value as Lang | undefined) ?? localeLang();
}

function dateOption(value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--date must be YYYY-MM-DD, not ${value}`);
  return value;
}

/** `policy-report init [DIR]`. */
export async function initCommand(p: ParsedArgs): Promise<number> {
  if (p.positionals.length > 1) throw new UsageError('init: one folder at most');
  const dir = p.positionals[0] ?? '.';
  const lang = langOf(p.values.get('lang'));
  const date = dateOption(p.values.get('date')) ?? today();
  let written: string[];
  try {
    written = await initWorkspace(dir, { force: p.flags.has('force'), date });
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    // "X: đã có tệp này" (the reasons are written to follow a colon in Vietnamese), "X already exists".
    const why: Msg = msg(`không tạo không gian làm việc: ${path.relative('.', e.target) || e.target}: ${e.reason.vi}. Không tệp nào được ghi.`, `no workspace created: ${path.relative('.', e.target) || e.target} ${e.reason.en}. Nothing was written.`);
    process.stderr.write(`policy-report: ${pick(why, lang)}\n`);
    return 2;
  }
  const shown = written.map((f) => `  ${path.relative('.', f) || f}`).join('\n');
  const first = written.find((f) => f.endsWith('.report.md'));
  if (!first) {
    process.stdout.write(
      pick(
        msg(
          `Đã tạo:\n${shown}\n\nThư mục đã có báo cáo nên không tạo báo cáo đầu tiên; các báo cáo đó là lịch sử. Kiểm tra:\n  npx policy-report check ${dir}\nDự thảo cho phiên kế tiếp:\n  npx policy-report new ${dir}\n`,
          `Created:\n${shown}\n\nThe folder already has reports, so no first report was written; they are the history. Check them:\n  npx policy-report check ${dir}\nThe next session's draft:\n  npx policy-report new ${dir}\n`,
        ),
        lang,
      ),
    );
    return 0;
  }
  const report = path.relative('.', first);
  process.stdout.write(
    pick(
      msg(
        `Đã tạo:\n${shown}\n\nTiếp theo: mở ${report}, điền số liệu, rồi chạy\n  npx policy-report check ${dir}\nDanh mục riêng của nhóm: .policy-report/indicators.yaml; cấu hình: .policy-report/config.yaml.\n`,
        `Created:\n${shown}\n\nNext: open ${report}, fill in the figures, then run\n  npx policy-report check ${dir}\nThe team's own indicators: .policy-report/indicators.yaml; settings: .policy-report/config.yaml.\n`,
      ),
      lang,
    ),
  );
  return 0;
}

/** `policy-report new [REPORT|DIR]`. */
export async function newCommand(p: ParsedArgs): Promise<number> {
  if (p.positionals.length > 1) throw new UsageError('new: one report or folder at most');
  const lang = langOf(p.values.get('lang'));
  const period = p.values.get('period');
  if (period !== undefined && !isPeriodCode(period)) throw new UsageError(`--period must be a period code (2024, 2024-Q3, 2024-S1, 2024-07, 2024-07-10, 2024-YTD09), not ${period}`);
  const out = p.values.get('out');
  try {
    const { file, draft, last } = await newDraftFile(p.positionals[0] ?? '.', { date: dateOption(p.values.get('date')), period, out, force: p.flags.has('force'), today: today() });
    const session = draft.session ?? '?';
    // The period in words, with the front matter's code when the words differ from it: "6 tháng cuối năm 2024 (2024-S2)".
    const periodText = (l: Lang) => {
      if (!draft.period) return '?';
      const words = describePeriod(draft.period, l);
      return describePeriod(draft.period, 'en') === draft.period ? words : `${words} (${draft.period})`;
    };
    process.stdout.write(
      pick(
        msg(
          `Đã tạo ${path.relative('.', file)}: dự thảo phiên ${session}, ngày ${formatDate(draft.date, 'vi')}, kỳ ${periodText('vi')}, lập từ ${path.relative('.', last)}. Điền các giá trị "…".\n`,
          `Created ${path.relative('.', file)}: the draft of session ${session}, dated ${formatDate(draft.date, 'en')}, period ${periodText('en')}, made from ${path.relative('.', last)}. Fill in each "…".\n`,
        ),
        lang,
      ),
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof NoEarlierReport) {
      const why = msg(
        `không có báo cáo nào có số phiên hoặc ngày trong ${e.from}; hãy chạy npx policy-report init trước.`,
        `no report with a session number or date in ${e.from}; run npx policy-report init first.`,
      );
      process.stderr.write(`policy-report: ${pick(why, lang)}\n`);
      return 2;
    }
    process.stderr.write(`policy-report: ${writeErrorText(out ?? 'the draft', e)}\n`);
    return 2;
  }
}
