import yauzl from 'yauzl';
import { storeZip } from './zip-store';

interface ReadEntry {
  name: Buffer;
  utf8Flag: boolean;
  data: Buffer;
  modified: Date;
}

/** Reads every entry with yauzl, the zip reader the reconciliation service uses. */
function readZip(buffer: Buffer): Promise<ReadEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: ReadEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({
              name: entry.fileName as unknown as Buffer,
              utf8Flag: (entry.generalPurposeBitFlag & 0x800) !== 0,
              data: Buffer.concat(chunks),
              modified: entry.getLastModDate(),
            });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

describe('the store-only zip writer', () => {
  it('writes entries yauzl reads back byte for byte, names as given', async () => {
    const gbkName = Buffer.from([0xd2, 0xb5, 0xce, 0xf1, 0x2e, 0x63, 0x73, 0x76]); // "业务.csv" in GBK
    const big = Buffer.alloc(200_000, 7);
    const zip = storeZip([
      { name: gbkName, data: Buffer.from('a,b\r\n1,2\r\n') },
      { name: '汇总.csv', data: Buffer.from('') },
      { name: 'big.bin', data: big, modified: new Date('2025-11-16T02:03:04Z') },
    ]);
    const entries = await readZip(zip);
    expect(entries.map((e) => e.name)).toEqual([gbkName, Buffer.from('汇总.csv'), Buffer.from('big.bin')]);
    expect(entries.map((e) => e.utf8Flag)).toEqual([false, true, true]);
    expect(entries[0]?.data.toString()).toBe('a,b\r\n1,2\r\n');
    expect(entries[1]?.data.length).toBe(0);
    expect(entries[2]?.data.equals(big)).toBe(true);
    // DOS time has two-second resolution and no zone: the wall clock of China time.
    const modified = entries[2]?.modified as Date;
    expect([modified.getFullYear(), modified.getMonth() + 1, modified.getDate()]).toEqual([2025, 11, 16]);
    expect([modified.getHours(), modified.getMinutes(), modified.getSeconds()]).toEqual([10, 3, 4]);
  });

  it('is damaged when cut short: yauzl refuses it', async () => {
    const zip = storeZip([{ name: 'a.csv', data: Buffer.alloc(1000, 65) }]);
    await expect(readZip(zip.subarray(0, 600))).rejects.toThrow(
      /end of central directory record signature not found/i,
    );
  });
});
