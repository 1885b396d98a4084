import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what needs quoting, defuses spreadsheet formulas and starts with a BOM', () => {
    const csv = toCsv(
      [
        { title: 'no', value: (r: { no: string; note: string; amount: string }) => r.no },
        { title: 'note', value: (r) => r.note },
        { title: 'amount', value: (r) => r.amount },
      ],
      [
        { no: 'H1', note: 'a, "quoted" note', amount: '-5.00' },
        { no: 'H2', note: '=HYPERLINK("x")', amount: '100.00' },
      ],
    );
    expect(csv).toBe(
      '\uFEFFno,note,amount\r\nH1,"a, ""quoted"" note",-5.00\r\nH2,"\'=HYPERLINK(""x"")",100.00\r\n',
    );
  });
});
