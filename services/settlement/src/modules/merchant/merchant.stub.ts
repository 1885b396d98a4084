import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** The orders service's Merchant, extended here with its settlement accounts, settlements and bills. */
@ObjectType({
  description:
    'A merchant (owned by the orders subgraph); the settlement subgraph adds its settlement accounts, settlements and bills.',
})
@Directive('@key(fields: "id")')
export class Merchant {
  @Field(() => Int, { description: 'Merchant id.' })
  id!: number;
}
