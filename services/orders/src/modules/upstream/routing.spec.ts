import { pickWeighted } from './routing';

const items = [
  { id: 'a', weight: 2 },
  { id: 'b', weight: 0 },
  { id: 'c', weight: 3 },
  { id: 'd', weight: 5 },
];

describe('pickWeighted', () => {
  it('asks the draw for the total weight', () => {
    const draw = jest.fn((_total: number) => 0);
    pickWeighted(items, draw);
    expect(draw).toHaveBeenCalledWith(10);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it.each([
    [0, 'a'],
    [1, 'a'], // last point of a
    [2, 'c'], // first point after a skips the zero-weight b
    [4, 'c'],
    [5, 'd'],
    [9, 'd'], // last point of the range
  ])('draw %d picks %s', (point, id) => {
    expect(pickWeighted(items, () => point).id).toBe(id);
  });

  it('gives each item exactly as many points as its weight, zero weights none', () => {
    const counts = new Map<string, number>();
    for (let point = 0; point < 10; point += 1) {
      const picked = pickWeighted(items, () => point).id;
      counts.set(picked, (counts.get(picked) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ a: 2, c: 3, d: 5 });
  });

  it('never picks a zero-weight item at either end', () => {
    const ends = [
      { id: 'zero-first', weight: 0 },
      { id: 'x', weight: 1 },
      { id: 'zero-last', weight: 0 },
    ];
    expect(pickWeighted(ends, () => 0).id).toBe('x');
  });

  it('picks the only weighted item', () => {
    expect(pickWeighted([{ id: 'only', weight: 7 }], (total) => total - 1).id).toBe('only');
  });

  it('falls back to the last item when the draw is out of range', () => {
    expect(pickWeighted(items, () => 10).id).toBe('d');
  });
});
