import { AppError, TEST_ACTORS, type Actor } from '@pay/common';
import type { RunOperation } from './operation-runner';
import { runsOperation } from './operation-route';

interface Asked {
  params: { id?: string };
  actor: Actor;
  ctx: { run: RunOperation };
}

interface ThingQuery {
  thing: { name: string } | null;
}

/** A request whose runner records each call and answers `answer`. */
function asked(params: Asked['params'], answer: ThingQuery = { thing: { name: 'widget' } }) {
  const calls: { name: string; variables: object; actor: Actor }[] = [];
  const run = (async (name: string, variables: object, actor: Actor) => {
    calls.push({ name, variables, actor });
    return answer;
  }) as RunOperation;
  const request: Asked = { params, actor: TEST_ACTORS.merchant, ctx: { run } };
  return { request, calls };
}

const thingRoute = runsOperation<Asked, ThingQuery, { id: number }>({
  operation: 'Thing',
  variables: ({ params }) => {
    if (!params.id) throw new AppError('BAD_USER_INPUT', 'id is required');
    return { id: Number(params.id) };
  },
  respond: ({ thing }, request, variables) => {
    if (!thing) throw new AppError('NOT_FOUND');
    return { thing_name: thing.name, thing_id: variables.id, asked_id: request.params.id };
  },
});

describe('runsOperation: a route that runs one named operation', () => {
  it('runs the operation with the computed variables as the request’s actor and answers respond’s value', async () => {
    const { request, calls } = asked({ id: '7' });
    await expect(thingRoute(request)).resolves.toEqual({ thing_name: 'widget', thing_id: 7, asked_id: '7' });
    expect(calls).toEqual([{ name: 'Thing', variables: { id: 7 }, actor: TEST_ACTORS.merchant }]);
  });

  it('runs nothing when the variables refuse the request', async () => {
    const { request, calls } = asked({});
    await expect(thingRoute(request)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(calls).toEqual([]);
  });

  it('fails with respond’s error after the operation ran', async () => {
    const { request, calls } = asked({ id: '7' }, { thing: null });
    await expect(thingRoute(request)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(calls).toHaveLength(1);
  });

  it('passes the operation’s failure through', async () => {
    const { request } = asked({ id: '7' });
    const failure = new AppError('FORBIDDEN');
    request.ctx.run = (async () => {
      throw failure;
    }) as RunOperation;
    await expect(thingRoute(request)).rejects.toBe(failure);
  });
});
