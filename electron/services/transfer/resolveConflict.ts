// Resolving a transfer conflict (issue 8 item 6): a case both workstations changed since they last
// shared it. The section head or archivist chooses, per case, inside the import's one transaction:
// - take theirs: the case's rows become the package's (rows only here deleted, changed rows and
//   the case row and state taken); the package's trail entries since the fork cannot join this
//   chain (they hash onto the other side's head), so their summary is recorded in our entry;
// - keep ours: nothing changes; the choice and what was left out are recorded;
// - keep both (as a correction): our rows stay, the rows only the package has are added; a row
//   changed on both sides keeps our version, the package's version is named in the entry.
// Every choice is one 'transfer.resolve' entry in the case's own trail, naming the package's head,
// so the same package brought in again is recognised as already resolved (importPackage.ts).
// A case whose number a different case here holds can only be kept ours.
import type { ConflictChoice } from '../../../shared/api/dto/transferResolve';
import { CONFLICT_CHOICE_NAMES } from '../../../shared/api/dto/transferResolve';
import { AUDIT_ACTION_NAMES } from '../../../shared/dossier/trailSheet';
import { appendAudit } from '../audit/auditLog';
import { canonicalJson } from '../audit/canonicalJson';
import { applyIncomingRows, bumpSequences, rowDiff, rowLabel, stateOf, TransferRefused, type ConflictAt } from './importPackage';
import { checkActors, PackageUntrusted } from './packageTrust';

/** The import's onConflict for a map of case number → choice; a conflict without a choice refuses the whole import. */
export function conflictResolver(choices: ReadonlyMap<string, ConflictChoice>): (c: ConflictAt) => { message: string } {
  return (c) => {
    const number = c.incoming.number;
    const choice = choices.get(number);
    if (!choice) throw new TransferRefused('conflict', `案件 ${number} 两个工作站都修改过，尚未选择处理方式；未导入任何内容，请为每个冲突的案件选择处理方式`);
    if (c.caseId === null || c.local === null) {
      if (choice !== 'ours') throw new TransferRefused('conflict', `本机已有编号为 ${number} 的另一案件，只能选择“${CONFLICT_CHOICE_NAMES.ours}”（交换包中的该案件不导入）；未导入任何内容`);
      return { message: `${CONFLICT_CHOICE_NAMES.ours}：本机已有同号的另一案件，交换包中的该案件未导入` };
    }
    const { db, w, pkg, caseId, local, incoming, fork } = c;
    const theirEntries = incoming.trail.slice(fork).map((e) => ({ at: e.at, actor: e.actor, action: e.action, name: AUDIT_ACTION_NAMES[e.action] ?? e.action, hash: e.hash }));
    const diffs = rowDiff(local, incoming);
    const label = (table: string, side: 'local' | 'incoming', r: Parameters<typeof rowLabel>[2]) => rowLabel(table, (side === 'local' ? local : incoming).tables[table] ?? (side === 'local' ? incoming : local).tables[table]!, r);
    const onlyTheirs = diffs.flatMap((d) => d.onlyIncoming.map((r) => label(d.table, 'incoming', r)));
    const onlyOurs = diffs.flatMap((d) => d.onlyLocal.map((r) => label(d.table, 'local', r)));
    const changed = diffs.flatMap((d) => d.changed.map((x) => label(d.table, 'incoming', x.incoming)));
    const caseRowDiffers = canonicalJson(local.case.rows[0]!.values) !== canonicalJson(incoming.case.rows[0]!.values);
    const ourState = stateOf(local);
    const theirState = stateOf(incoming);
    if (choice !== 'ours') {
      // what comes in must pass the same trust checks as a fast-forward: no approval or issue by someone unknown
      try {
        checkActors(pkg.manifest, pkg.signer.name, incoming, fork, (t) => new Set((local.tables[t]?.rows ?? []).map((r) => r.key)));
      } catch (e) {
        if (e instanceof PackageUntrusted) throw new TransferRefused('forbidden', e.message);
        throw e;
      }
      try {
        applyIncomingRows(db, w, caseId, local, incoming, choice === 'theirs' ? 'all' : 'add-only');
        bumpSequences(db, incoming);
        if (choice === 'theirs' && theirState !== ourState) db.prepare('UPDATE cases SET state = ? WHERE id = ?').run(theirState, caseId);
      } catch (e) {
        if (e instanceof TransferRefused) throw e;
        const why = e instanceof Error ? e.message : String(e);
        throw new TransferRefused('conflict', `案件 ${number} 不能按“${CONFLICT_CHOICE_NAMES[choice]}”处理：${why}；未导入任何内容，请改选其他处理方式`);
      }
    }
    const detail = {
      choice,
      choiceName: CONFLICT_CHOICE_NAMES[choice],
      signer: pkg.signer.name,
      fingerprint: pkg.signer.fingerprint,
      incomingHead: incoming.head,
      ourEntriesSinceFork: local.trail.length - fork,
      theirEntries,
      caseRowDiffers,
      ...(choice === 'theirs' ? { taken: onlyTheirs, changedTaken: changed, removed: onlyOurs, state: theirState !== ourState ? { from: ourState, to: theirState } : null } : {}),
      ...(choice === 'ours' ? { notTaken: [...onlyTheirs, ...changed] } : {}),
      ...(choice === 'both' ? { added: onlyTheirs, keptOurs: changed, theirState: theirState !== ourState ? theirState : null } : {}),
    };
    appendAudit(db, { actor: c.actor, at: c.at, caseId, action: 'transfer.resolve', detail });
    const n = (list: string[], what: string) => (list.length ? `${what} ${list.length} 项` : '');
    const parts =
      choice === 'theirs'
        ? [caseRowDiffers ? '案件信息改为交换包版本' : '', n(onlyTheirs, '加入'), n(changed, '改为交换包版本'), n(onlyOurs, '删除本机独有')]
        : choice === 'both'
          ? [n(onlyTheirs, '加入交换包新增'), n(changed, '两边不同的保留本机版本')]
          : [n([...onlyTheirs, ...changed], '未导入交换包的修改')];
    const summary = parts.filter(Boolean).join('，') || '内容无差异';
    return { message: `${CONFLICT_CHOICE_NAMES[choice]}：${summary}；交换包 ${theirEntries.length} 条审计记录摘要已记入本机审计记录` };
  };
}
