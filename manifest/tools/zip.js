// The Teams app package's zip, written with yazl and read with yauzl (npm, exact versions in package.json).
// Usage as a command: node manifest/tools/zip.js <out.zip> <file>...  (each file stored at the zip root, in order).
// The package is byte-for-byte reproducible: every entry gets the same fixed time and mode, no extended timestamp.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const yazl = require("yazl");
const yauzl = require("yauzl");

// 1980-01-01 00:00, the first MS-DOS date, built from local fields: yazl writes the DOS date from local time, so
// this gives the same bytes in every time zone.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const ENTRY_OPTIONS = { mtime: FIXED_MTIME, mode: 0o100644, compressionLevel: 9, forceDosTimestamp: true };

/** entries: [{ name, data: Buffer }] → Promise of the zip file's bytes. */
function writeZip(entries) {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const chunks = [];
    zip.outputStream.on("data", (chunk) => chunks.push(chunk));
    zip.outputStream.on("error", reject);
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    try {
      for (const { name, data } of entries) zip.addBuffer(data, name, ENTRY_OPTIONS);
      zip.end();
    } catch (error) {
      reject(error);
    }
  });
}

/** zip file bytes → Promise of Map(name → Buffer), files only; rejects a corrupt zip or a failed CRC. */
function readZip(bytes) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, strictFileNames: true }, (openError, zip) => {
      if (openError) return reject(new Error(`not a valid zip file: ${openError.message}`));
      const files = new Map();
      zip.on("error", (error) => reject(new Error(`corrupt zip: ${error.message}`)));
      zip.on("end", () => resolve(files));
      zip.on("entry", (entry) => {
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(new Error(`zip entry ${entry.fileName}: ${streamError.message}`));
          const chunks = [];
          stream.on("data", (chunk) => chunks.push(chunk));
          stream.on("error", (error) => reject(new Error(`zip entry ${entry.fileName}: ${error.message}`)));
          stream.on("end", () => {
            const data = Buffer.concat(chunks);
            // yauzl checks sizes, not the data's CRC: do it where Node has zlib.crc32 (20.15 and later).
            if (typeof zlib.crc32 === "function" && zlib.crc32(data) !== entry.crc32) {
              return reject(new Error(`zip entry ${entry.fileName} fails its CRC check`));
            }
            files.set(entry.fileName, data);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

if (require.main === module) {
  const [out, ...inputs] = process.argv.slice(2);
  if (!out || inputs.length === 0) {
    console.error("usage: node manifest/tools/zip.js <out.zip> <file>...");
    process.exit(2);
  }
  const entries = inputs.map((file) => ({ name: path.basename(file), data: fs.readFileSync(file) }));
  writeZip(entries).then(
    (bytes) => fs.writeFileSync(out, bytes),
    (error) => {
      console.error(`error: ${error.message}`);
      process.exit(1);
    },
  );
}

module.exports = { writeZip, readZip, FIXED_MTIME };
