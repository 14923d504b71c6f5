import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decideCommit } from '../../src/store/mongodb/apply-command.js';
import type { ApplicationDocument } from '../../src/store/mongodb/documents.js';
import { isTimerClaimable, timerClaimableAt } from '../../src/store/mongodb/leases.js';
import { applyOperation, importedDocument } from '../../src/store/mongodb/operations.js';
import { advance, makeApplication, makeCommit, makeOutbox, makeTimer, minutesAfterEpoch } from '../../src/testing/index.js';

// The pure core of the MongoDB adapter: what each logged operation does to an application
// document. No server needed: these run on every `npm test`.
const operations = suite('mongodb › operations on an application document');

function written(decision: ReturnType<typeof decideCommit>): ApplicationDocument {
  assert.is(decision.kind, 'write');
  return (decision as { document: ApplicationDocument }).document;
}

const created = makeApplication();
const early = makeTimer(created, { dueAt: minutesAfterEpoch(5) });
const late = makeTimer(created, { dueAt: minutesAfterEpoch(50) });
const effect = makeOutbox(created);
const creation = makeCommit(created, { scheduleTimers: [late, early], outbox: [effect], idempotency: { key: 'k-1', result: { ok: true } } });

operations('a creation writes revision 1 with the record, one history entry, timers, outbox and the result', () => {
  const document = written(decideCommit(null, creation, 'writer-1'));
  assert.is(document._id, created.id);
  assert.is(document.rev, 1);
  assert.is(document.writtenBy, 'writer-1');
  assert.is(document.history.length, 1);
  assert.equal(document.timers.map((timer) => timer.id), [late.id, early.id]);
  assert.is(document.timerClaimableAt, early.dueAt);
  assert.is(document.outboxClaimableAt, effect.availableAt);
  assert.equal(document.commands.map((command) => [command.key, command.version, JSON.parse(command.result)]), [['k-1', 1, { ok: true }]]);
});

operations('replaying the logged command (JSON) gives the same document as deciding it', () => {
  const decided = written(decideCommit(null, creation, 'writer-1'));
  const replayed = applyOperation(null, { kind: 'commit', command: JSON.stringify(creation), writer: 'writer-1' });
  assert.equal(replayed, decided);
});

operations('a used key is a duplicate before any version check; a stale version or a gone timer conflicts', () => {
  const document = written(decideCommit(null, creation, 'writer-1'));
  const duplicate = decideCommit(document, makeCommit(advance(advance(created)), { idempotency: { key: 'k-1', result: 2 } }), 'writer-2');
  assert.equal(duplicate, { kind: 'duplicate', command: { key: 'k-1', applicationId: created.id, version: 1, result: { ok: true }, at: creation.history.at } });
  assert.is(decideCommit(document, makeCommit(created), 'writer-2').kind, 'conflict');
  assert.is(decideCommit(document, makeCommit(advance(advance(created))), 'writer-2').kind, 'conflict');
  assert.is(decideCommit(null, makeCommit(advance(created)), 'writer-2').kind, 'conflict');
  assert.is(decideCommit(document, makeCommit(advance(created), { firedTimer: 'gone' }), 'writer-2').kind, 'conflict');
});

operations('firing, cancelling and rescheduling timers; an outbox id already present is not added twice', () => {
  const document = written(decideCommit(null, creation, 'writer-1'));
  const renewed = { ...late, dueAt: minutesAfterEpoch(500) };
  const next = written(decideCommit(document, makeCommit(advance(created), { firedTimer: early.id, cancelTimers: [late.id], scheduleTimers: [renewed], outbox: [effect] }), 'writer-2'));
  assert.equal(next.timers.map((timer) => [timer.id, timer.dueAt]), [[late.id, renewed.dueAt]]);
  assert.is(next.timerClaimableAt, renewed.dueAt);
  assert.is(next.outbox.length, 1);
  assert.is(next.history.length, 2);
  assert.is(next.rev, 2);
});

operations('a lease marks the entries and moves their claimable time to the lease end', () => {
  const document = written(decideCommit(null, creation, 'writer-1'));
  const until = minutesAfterEpoch(10);
  const leased = applyOperation(document, { kind: 'lease', field: 'timers', ids: [early.id], owner: 'worker-a', until });
  assert.equal(leased.timers.find((timer) => timer.id === early.id), { ...document.timers[1]!, leaseOwner: 'worker-a', leaseUntil: until });
  assert.is(leased.timerClaimableAt, until);
  assert.is(leased.rev, document.rev + 1);
  assert.not.ok(isTimerClaimable(leased.timers[1]!, minutesAfterEpoch(9)));
  assert.ok(isTimerClaimable(leased.timers[1]!, until));
  assert.is(timerClaimableAt([]), null);
});

operations('settling an outbox entry: only its lease holder; failure counts the attempt and frees the lease', () => {
  const document = written(decideCommit(null, creation, 'writer-1'));
  const leased = applyOperation(document, { kind: 'lease', field: 'outbox', ids: [effect.id], owner: 'worker-a', until: minutesAfterEpoch(1) });
  const stranger = applyOperation(leased, { kind: 'settle', id: effect.id, owner: 'worker-b', dispatchedAt: minutesAfterEpoch(1) });
  assert.equal(stranger.outbox, leased.outbox);
  const failed = applyOperation(leased, { kind: 'settle', id: effect.id, owner: 'worker-a', error: 'smtp down', retryAt: minutesAfterEpoch(30) });
  assert.equal(
    [failed.outbox[0]!.attempts, failed.outbox[0]!.lastError, failed.outbox[0]!.leaseOwner, failed.outboxClaimableAt],
    [1, 'smtp down', null, minutesAfterEpoch(30)],
  );
  const done = applyOperation(leased, { kind: 'settle', id: effect.id, owner: 'worker-a', dispatchedAt: minutesAfterEpoch(2) });
  assert.is(done.outbox[0]!.dispatchedAt, minutesAfterEpoch(2));
  assert.is(done.outboxClaimableAt, null);
});

operations('an imported application starts at revision 1 with nothing but its record', () => {
  const document = importedDocument(created);
  assert.equal([document.rev, document.history, document.timers, document.outbox, document.commands], [1, [], [], [], []]);
  assert.equal(applyOperation(null, { kind: 'import', application: JSON.stringify(created) }), document);
});

operations.run();
