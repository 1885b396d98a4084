// Module invariants that run with the ledger's own checks. Importing this file registers them.
import { clearingDrift } from '../clearing/main-account/main-account.query';
import { childAccountDrift } from '../clearing/child-account/child-account.query';
import { postingKeyDrift } from '../posting/posting-keys';
import { registerLedgerCheck } from './ledger-verify';

registerLedgerCheck({
  name: 'main accounts where unshared + share fee + shared ≠ received − in-fee',
  run: clearingDrift,
});
registerLedgerCheck({
  name: 'child accounts whose balance ≠ clearings − withdrawals − fees',
  run: childAccountDrift,
});
registerLedgerCheck({
  name: 'posting keys without their posting, or postings without their key',
  run: postingKeyDrift,
});
