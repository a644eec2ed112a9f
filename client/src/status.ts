/** The status bar item's label and tooltip (pure: the client wraps them for VS Code). */
import { formatNumber } from '../../server/src/core/i18n';

/** What the server's policyReport/status request answers for the open report. */
export interface Status {
  ready: boolean;
  catalogSize: number;
  sessions: number;
  figures: number;
  findings: number;
  errors: number;
}

/** The status bar item's label: each number with what it counts. */
export function statusText(s: Status, inVi: boolean): string {
  const n = (k: number) => formatNumber(k, inVi ? 'vi' : 'en');
  const icon = s.errors ? '$(error)' : s.findings ? '$(warning)' : '$(pass)';
  return inVi
    ? `$(checklist) ${n(s.catalogSize)} chỉ tiêu · $(history) ${n(s.sessions)} phiên · ${icon} ${n(s.findings)} phát hiện`
    : `$(checklist) ${n(s.catalogSize)} indicators · $(history) ${n(s.sessions)} ${s.sessions === 1 ? 'session' : 'sessions'} · ${icon} ${n(s.findings)} ${s.findings === 1 ? 'finding' : 'findings'}`;
}

/** The status bar item's tooltip (Markdown with icons): one line per number, and what a click does. */
export function statusTooltip(s: Status, inVi: boolean): string {
  const n = (k: number) => formatNumber(k, inVi ? 'vi' : 'en');
  /** An English count with its noun in the singular or the plural. */
  const count = (k: number, one: string, many: string) => `${n(k)} ${k === 1 ? one : many}`;
  const errorsEn = s.errors === 0 ? 'none of them an error' : s.errors === s.findings ? (s.findings === 1 ? 'an error' : 'all of them errors') : `${count(s.errors, 'of them an error', 'of them errors')}`;
  const lines = inVi
    ? [
        '**Policy Report**',
        '',
        `- $(checklist) **${n(s.catalogSize)}** chỉ tiêu trong danh mục: mặc định, dùng chung và của nhóm (\`.policy-report/indicators.yaml\`)`,
        `- $(history) **${n(s.sessions)}** phiên trong lịch sử, với ${n(s.figures)} số liệu để so sánh giữa các phiên`,
        s.findings === 0 ? '- **0** phát hiện trong tệp này' : `- **${n(s.findings)}** phát hiện trong tệp này, ${s.errors ? `trong đó ${n(s.errors)} lỗi` : 'không có lỗi nào'}: xem bảng Problems`,
        '',
        'Bấm để lập lại chỉ mục.',
      ]
    : [
        '**Policy Report**',
        '',
        `- $(checklist) **${n(s.catalogSize)}** indicators in the catalog: the default, shared and team ones (\`.policy-report/indicators.yaml\`)`,
        `- $(history) **${n(s.sessions)}** ${s.sessions === 1 ? 'session' : 'sessions'} in the history, with ${count(s.figures, 'figure', 'figures')} to compare across sessions`,
        s.findings === 0 ? '- **0** findings in this file' : `- **${n(s.findings)}** ${s.findings === 1 ? 'finding' : 'findings'} in this file, ${errorsEn}: see the Problems panel`,
        '',
        'Click to re-index.',
      ];
  return lines.join('\n');
}

