import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** The orders service's Merchant, extended here with its money. */
@ObjectType({
  description: 'A merchant (owned by the orders subgraph); the ledger adds its balances and money.',
})
@Directive('@key(fields: "id")')
export class Merchant {
  @Field(() => Int, { description: 'Merchant id.' })
  id!: number;
}
