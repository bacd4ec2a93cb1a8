// Minimal ZIP writer and reader (deflate or store, no npm dependencies), so packing works where `zip` is absent.
// Usage as a command: node manifest/tools/zip.js <out.zip> <file>... (each file stored at the zip root).
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { crc32 } = require("./png");

// 1980-01-01 00:00 in MS-DOS format: a fixed timestamp keeps the package byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

/** The fields a local header and its central-directory entry share, flags to name length, written from `at`. */
function writeSharedFields(header, at, { method, crc, compressedSize, size, nameLength }) {
  header.writeUInt16LE(UTF8_NAMES, at);
  header.writeUInt16LE(method, at + 2);
  header.writeUInt16LE(DOS_TIME, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(crc, at + 8);
  header.writeUInt32LE(compressedSize, at + 12);
  header.writeUInt32LE(size, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
}

/** entries: [{ name, data: Buffer }] → zip file bytes. */
function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const [method, body] = deflated.length < data.length ? [8, deflated] : [0, data];
    const crc = crc32(data);

    const fields = { method, crc, compressedSize: body.length, size: data.length, nameLength: nameBytes.length };

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    writeSharedFields(local, 6, fields);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    writeSharedFields(central, 8, fields);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** zip file bytes → Map(name → Buffer). Supports store and deflate, which is what Teams packages use. */
function readZip(zip) {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip file (no end of central directory)");
  const count = zip.readUInt16LE(end + 10);
  let cursor = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(cursor) !== 0x02014b50) throw new Error("corrupt zip central directory");
    const method = zip.readUInt16LE(cursor + 10);
    const crc = zip.readUInt32LE(cursor + 16);
    const compressedSize = zip.readUInt32LE(cursor + 20);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const extraLength = zip.readUInt16LE(cursor + 30);
    const commentLength = zip.readUInt16LE(cursor + 32);
    const localOffset = zip.readUInt32LE(cursor + 42);
    const name = zip.toString("utf8", cursor + 46, cursor + 46 + nameLength);
    cursor += 46 + nameLength + extraLength + commentLength;

    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const body = zip.subarray(dataStart, dataStart + compressedSize);
    let data;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) data = zlib.inflateRawSync(body);
    else throw new Error(`zip entry ${name} uses unsupported compression method ${method}`);
    if (crc32(data) !== crc) throw new Error(`zip entry ${name} fails its CRC check`);
    if (!name.endsWith("/")) files.set(name, data);
  }
  return files;
}

if (require.main === module) {
  const [out, ...inputs] = process.argv.slice(2);
  if (!out || inputs.length === 0) {
    console.error("usage: node zip.js <out.zip> <file>...");
    process.exit(2);
  }
  const entries = inputs.map((file) => ({ name: path.basename(file), data: fs.readFileSync(file) }));
  fs.writeFileSync(out, writeZip(entries));
}

module.exports = { writeZip, readZip };
