import { msg } from '../i18n';
import type { Rule } from './rule';

/** Front matter missing, unclosed, not YAML, or lacking a valid session, date, period or title. */
export const frontMatterRule: Rule = {
  id: 'front-matter',
  description: msg('Front matter thiếu hoặc không hợp lệ (session, date, period, title).', 'Front matter is missing or malformed (session, date, period, title).'),
  defaultSeverity: 'error',
  check(analysis, report) {
    for (const p of analysis.doc.problems) {
      if (p.code === 'front-matter') report({ range: p.range, message: msg(p.message.vi, p.message.en) });
    }
  },
};
