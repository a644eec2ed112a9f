/** The status bar item (client/src/status.ts): every number labelled, and explained in the tooltip. */
import * as assert from 'node:assert/strict';
import { statusText, statusTooltip } from '../../client/src/status';

const s = { ready: true, catalogSize: 1058, sessions: 6, figures: 412, findings: 19, errors: 3 };

describe('status bar', () => {
  it('labels each number, in the chosen language, numbers written that language\'s way', () => {
    assert.equal(statusText(s, false), '$(checklist) 1,058 indicators · $(history) 6 sessions · $(error) 19 findings');
    assert.equal(statusText(s, true), '$(checklist) 1.058 chỉ tiêu · $(history) 6 phiên · $(error) 19 phát hiện');
    assert.equal(statusText({ ...s, sessions: 1, findings: 1, errors: 0 }, false), '$(checklist) 1,058 indicators · $(history) 1 session · $(warning) 1 finding');
    assert.match(statusText({ ...s, findings: 0, errors: 0 }, false), /\$\(pass\) 0 findings$/);
  });

  it('explains every number in the tooltip, and what a click does', () => {
    for (const inVi of [false, true]) {
      const t = statusTooltip(s, inVi);
      for (const n of [inVi ? '1.058' : '1,058', '6', '412', '19', '3']) assert.ok(t.includes(n), `${n} in ${t}`);
      assert.match(t, inVi ? /Bấm để lập lại chỉ mục\.$/ : /Click to re-index\.$/);
    }
  });

  it('the tooltip reads right for one and for none: singular nouns, no "0 of them errors"', () => {
    const one = statusTooltip({ ...s, sessions: 1, figures: 1, findings: 1, errors: 1 }, false);
    assert.match(one, /\*\*1\*\* session in the history, with 1 figure to compare/);
    assert.match(one, /\*\*1\*\* finding in this file, an error: see the Problems panel/);
    assert.match(statusTooltip({ ...s, findings: 2, errors: 1 }, false), /\*\*2\*\* findings in this file, 1 of them an error:/);
    assert.match(statusTooltip({ ...s, findings: 2, errors: 2 }, false), /\*\*2\*\* findings in this file, all of them errors:/);
    assert.match(statusTooltip({ ...s, findings: 2, errors: 0 }, false), /\*\*2\*\* findings in this file, none of them an error:/);
    assert.match(statusTooltip({ ...s, findings: 2, errors: 0 }, true), /\*\*2\*\* phát hiện trong tệp này, không có lỗi nào:/);
    for (const inVi of [false, true]) {
      const none = statusTooltip({ ...s, findings: 0, errors: 0 }, inVi);
      assert.match(none, inVi ? /^- \*\*0\*\* phát hiện trong tệp này$/m : /^- \*\*0\*\* findings in this file$/m);
    }
  });
});
