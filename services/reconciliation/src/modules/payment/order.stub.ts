import { Directive, Field, ObjectType } from 'type-graphql';

/** The orders service's Order, extended here with its reconciliation. */
@ObjectType({
  description: 'A payment order (owned by the orders subgraph); reconciliation adds its verdict.',
})
@Directive('@key(fields: "platformOrderNo")')
export class Order {
  @Field({ description: 'Platform order number.' })
  platformOrderNo!: string;
}
