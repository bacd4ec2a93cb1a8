// Fills the ${{NAME}} placeholders of the manifest template.
// Usage as a command: node manifest/tools/fill.js <template> <out>  (values from environment variables NAME).
"use strict";
const fs = require("fs");

const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

/** Replaces every placeholder with its value, escaped for a JSON string; throws naming the ones left empty. */
function fillPlaceholders(template, values) {
  const missing = new Set();
  const filled = template.replace(PLACEHOLDER, (match, name) => {
    const value = values[name];
    if (value === undefined || value === "") {
      missing.add(name);
      return match;
    }
    return JSON.stringify(String(value)).slice(1, -1);
  });
  if (missing.size > 0) throw new Error(`no value for placeholder(s): ${[...missing].join(", ")}`);
  return filled;
}

/** Placeholder names still present in a text. */
function placeholdersIn(text) {
  return [...new Set([...text.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]))];
}

if (require.main === module) {
  const [templatePath, outPath] = process.argv.slice(2);
  if (!templatePath || !outPath) {
    console.error("usage: node fill.js <template> <out>");
    process.exit(2);
  }
  try {
    fs.writeFileSync(outPath, fillPlaceholders(fs.readFileSync(templatePath, "utf8"), process.env));
  } catch (error) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
}

module.exports = { fillPlaceholders, placeholdersIn };
