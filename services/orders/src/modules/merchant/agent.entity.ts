import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A sales agent who brings merchants and earns a commission on their payments.' })
@Entity({ tableName: 'agent' })
export class Agent {
  [OptionalProps]?: 'createdAt';

  @Field(() => Int, { description: 'Agent id.' })
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Field({ description: 'Agent name.' })
  @Property({ length: 100 })
  name!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
