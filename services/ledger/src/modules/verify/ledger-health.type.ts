import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One invariant of the ledger and how many findings break it.' })
export class LedgerCheckResult {
  @Field({ description: 'What the check looks for, e.g. "postings that do not balance".' })
  name!: string;

  @Field(() => Int, { description: 'Findings: 0 when the invariant holds.' })
  count!: number;
}

@ObjectType({
  description:
    'The result of the ledger verification (balanced postings, balances equal to their legs, unique idempotency keys, no forbidden negative balances, module invariants such as clearing).',
})
export class LedgerHealth {
  @Field(() => Int, { description: 'Findings of all checks together: 0 = clean (ledger drift otherwise).' })
  findings!: number;

  @Field(() => Date, { description: 'When the verification ran (results are reused for up to a minute).' })
  checkedAt!: Date;

  @Field(() => [LedgerCheckResult], { description: 'Each check with its number of findings.' })
  checks!: LedgerCheckResult[];
}
