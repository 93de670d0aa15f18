// The preparer/reviewer rule on its own: who prepared a case's findings, and who may approve them.
import { describe, expect, it } from 'vitest';
import { checkApprover, preparerOf } from '../../shared/rules/signOff';

describe('preparerOf', () => {
  it('is the actor of the latest import or judgment, ignoring other actions', () => {
    const trail = [
      { action: 'case.create', actor: 'wangke' },
      { action: 'import.store', actor: 'zhangming' },
      { action: 'import.store', actor: 'lihua' },
      { action: 'exemption.add', actor: 'zhangming' },
      { action: 'document.issue', actor: 'lihua' },
      { action: 'approval.approve', actor: 'wangke' },
    ];
    expect(preparerOf(trail)).toBe('zhangming');
    expect(preparerOf([...trail, { action: 'ledger.set', actor: 'lihua' }])).toBe('lihua');
    expect(preparerOf([...trail, { action: 'finding.judge', actor: 'wangke' }])).toBe('wangke');
    expect(preparerOf([...trail, { action: 'exemption.revoke', actor: 'liuke' }])).toBe('liuke');
  });

  it('is null when nothing was imported or judged', () => {
    expect(preparerOf([])).toBeNull();
    expect(preparerOf([{ action: 'case.create', actor: 'zhangming' }, { action: 'document.issue', actor: 'zhangming' }])).toBeNull();
  });
});

describe('checkApprover', () => {
  it('lets a section head approve what someone else prepared', () => {
    expect(checkApprover({ username: 'wangke', role: 'section-head' }, 'zhangming')).toEqual({ ok: true });
  });

  it('refuses the preparer, even a section head', () => {
    const r = checkApprover({ username: 'wangke', role: 'section-head' }, 'wangke');
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('审核人不能审核本人办理的稽核结论') });
  });

  it('refuses every role but the section head', () => {
    for (const role of ['auditor', 'archivist', 'admin'] as const) {
      const r = checkApprover({ username: 'someone', role }, 'zhangming');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/^只有科室负责人可以审核稽核结论/);
    }
  });

  it('refuses when there is nothing to approve', () => {
    expect(checkApprover({ username: 'wangke', role: 'section-head' }, null)).toEqual({ ok: false, reason: expect.stringContaining('无可审核的内容') });
  });
});
