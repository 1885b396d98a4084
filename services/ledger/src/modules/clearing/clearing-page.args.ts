import { ArgsType, Field, ID, Int } from 'type-graphql';

// Argument classes rather than one @Arg per parameter: the SDL keeps the declared order
// (inherited fields first).

/** A main account, by id or by the API identity, then the page. */
@ArgsType()
export class MainAccountPageArgs {
  @Field(() => ID, { nullable: true, description: 'Main account id; give this or unionId.' })
  mainAccountId?: string | null;

  @Field(() => String, { nullable: true, description: 'API identity (`unionId`), instead of mainAccountId.' })
  unionId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page number, from 1 (`page`). Default 1.' })
  page?: number;

  @Field(() => Int, { nullable: true, description: 'Items per page, at most 100. Default 100.' })
  pageSize?: number;

  @Field(() => Int, { nullable: true, description: 'Relay: number of items after `after`.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Relay: cursor to continue after.' })
  after?: string;
}

@ArgsType()
export class TimeRangePageArgs extends MainAccountPageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'From (`startTime`), inclusive: Unix seconds, or China time YYYY-MM-DD[ HH:mm:ss]. Open when absent.',
  })
  startTime?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'To (`endTime`), inclusive (a date means through that day). Open when absent.',
  })
  endTime?: string | null;
}
