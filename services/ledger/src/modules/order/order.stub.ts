import { Directive, Field, ObjectType } from 'type-graphql';

/** The orders service's Order, extended here with the postings it caused. */
@ObjectType({ description: 'An order (owned by the orders subgraph); the ledger adds its postings.' })
@Directive('@key(fields: "platformOrderNo")')
export class Order {
  @Field({ description: 'Platform order number.' })
  platformOrderNo!: string;
}
