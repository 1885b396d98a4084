import { crc32 } from 'node:zlib';

/** A file to put in a zip; a Buffer name is written as is (e.g. GBK, as Alipay does), a string as UTF-8. */
export interface ZipStoreEntry {
  name: string | Buffer;
  data: Buffer;
  modified?: Date;
}

/** MS-DOS date and time of `date` as a wall clock `utcOffsetMinutes` ahead of UTC (zip has no time zones). */
function dosDateTime(date: Date, utcOffsetMinutes: number): { time: number; date: number } {
  const d = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((Math.max(d.getUTCFullYear(), 1980) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * A minimal zip writer: entries stored without compression (method 0), local file
 * headers, then the central directory and its end record. Enough for the sandbox's
 * statement files (small, in memory); no zip64, so entries and the archive stay under
 * 4 GiB and 65535 entries. Names given as strings are flagged UTF-8 (bit 11); names
 * given as bytes are not flagged, i.e. in the reader's code page.
 */
export function storeZip(entries: ZipStoreEntry[], options: { utcOffsetMinutes?: number } = {}): Buffer {
  const offset = options.utcOffsetMinutes ?? 480;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let position = 0;
  for (const entry of entries) {
    const utf8 = typeof entry.name === 'string';
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const flags = utf8 ? 0x0800 : 0;
    const checksum = crc32(entry.data) >>> 0;
    const { time, date } = dosDateTime(entry.modified ?? new Date(), offset);
    if (entry.data.length > 0xffffffff || position > 0xffffffff)
      throw new RangeError('zip64 is not supported');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4); // version needed: 1.0 (stored)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, entry.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra, comment, disk number, internal and external attributes: none.
    central.writeUInt32LE(position, 42);
    centrals.push(central, name);

    position += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(position, 16);
  return Buffer.concat([...locals, directory, end]);
}
