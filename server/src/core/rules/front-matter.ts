import { msg } from '../i18n';
import { defineRule } from './rule';

/** Front matter missing, unclosed, not YAML, or lacking a valid session, date, period or title. */
export const frontMatterRule = defineRule({
  meta: {
    id: 'front-matter',
    description: msg('Front matter thiếu hoặc không hợp lệ (session, date, period, title).', 'Front matter is missing or malformed (session, date, period, title).'),
    severity: 'error',
    fixable: false,
    // The parser's own problem (parse/front-matter.ts), in both languages.
    messages: { problem: msg('{problem}', '{problem}') },
  },
  check(analysis, report) {
    for (const p of analysis.doc.problems) {
      if (p.code === 'front-matter') report({ range: p.range, message: { id: 'problem', params: { problem: p.message } } });
    }
  },
});
