#!/usr/bin/env node
// Validates a Teams app package offline: the manifest against the official JSON schema of its manifestVersion
// (shipped in @microsoft/app-manifest, never downloaded), plus what a schema cannot check: icon sizes, a
// white-only outline icon, the bot's command lists, and no ${{…}} placeholder left over.
//
// Usage: node manifest/validate.js [--template] <manifest.json | package folder | package.zip>
//   --template  fill the placeholders with sample values first (checks the template itself).
// Prints every problem on its own line and exits 1 if there is any; exits 0 with a one-line summary otherwise.
"use strict";
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");
const { readZip } = require("./tools/zip");
const { fillPlaceholders, placeholdersIn } = require("./tools/fill");

const EXPECTED_COMMANDS = {
  personal: ["nhiệm vụ của tôi", "tổng hợp", "báo cáo quý", "trợ giúp"],
  team: ["nhiệm vụ của tôi", "tổng hợp", "đặt kênh tổng hợp", "trợ giúp"],
};
const MAX_COMMAND_TITLE = 32;
const ICON_SIZES = { color: 192, outline: 32, color32x32: 32 };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const SAMPLE_VALUES = {
  APP_ID: "56da3e1b-9e83-4f1d-b95f-5dcc6558ec56",
  APP_VERSION: "1.0.0",
  BOT_ID: "00000000-0000-0000-0000-000000000001",
  AAD_APP_ID: "00000000-0000-0000-0000-000000000001",
  BOT_DOMAIN: "cchc-bot.example.org",
  DEVELOPER_NAME: "Thanh tra tỉnh",
  DEVELOPER_WEBSITE_URL: "https://cchc-bot.example.org",
  DEVELOPER_PRIVACY_URL: "https://cchc-bot.example.org/privacy",
  DEVELOPER_TERMS_URL: "https://cchc-bot.example.org/terms",
};

function schemaDirectory() {
  const packageJson = require.resolve("@microsoft/app-manifest/package.json", { paths: [__dirname] });
  return path.join(path.dirname(packageJson), "build", "json-schemas", "teams");
}

/** Reads the package as a map of file name → bytes: a zip, a folder, or a manifest.json with its icons beside. */
async function readPackage(target) {
  if (fs.statSync(target).isDirectory()) target = path.join(target, "manifest.json");
  if (target.toLowerCase().endsWith(".zip")) return { files: await readZip(fs.readFileSync(target)), isZip: true };
  const folder = path.dirname(target);
  return {
    files: {
      get: (name) => {
        const file = path.join(folder, name);
        return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
      },
      has: (name) => fs.existsSync(path.join(folder, name)),
      manifest: fs.readFileSync(target),
    },
    isZip: false,
  };
}

async function validateSchema(manifest, problems) {
  const version = manifest.manifestVersion;
  const dir = schemaDirectory();
  const schemaFile = path.join(dir, `v${version}`, "MicrosoftTeams.schema.json");
  if (typeof version !== "string" || !fs.existsSync(schemaFile)) {
    const shipped = fs.readdirSync(dir).filter((v) => /^v\d/.test(v));
    problems.push(`manifestVersion ${JSON.stringify(version)} has no schema offline (shipped: ${shipped.join(", ")})`);
    return;
  }
  const expectedSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  if (manifest.$schema !== expectedSchemaUrl) {
    problems.push(`$schema should be ${expectedSchemaUrl} to match manifestVersion ${version}`);
  }
  // The package's own reader replaces \a and \v escapes that Ajv's JSON parser rejects; do the same.
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
  const { AppManifestUtils } = require("@microsoft/app-manifest");
  for (const error of await AppManifestUtils.validateAgainstSchema(manifest, schema)) {
    problems.push(`schema v${version}: ${error.trim()}`);
  }
}

function validateIcons(manifest, files, problems) {
  for (const [kind, size] of Object.entries(ICON_SIZES)) {
    const name = manifest.icons?.[kind];
    if (name === undefined) continue;
    const png = files.get(name);
    if (!png) {
      problems.push(`icon ${kind}: file ${name} is missing from the package`);
      continue;
    }
    if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) {
      problems.push(`icon ${kind} (${name}) is not a PNG file`);
      continue;
    }
    let image;
    try {
      // Any PNG the format allows (bit depth, palette, interlace), decoded to 8-bit RGBA.
      image = PNG.sync.read(png);
    } catch (error) {
      problems.push(`icon ${kind} (${name}) is not a readable PNG: ${error.message}`);
      continue;
    }
    if (image.width !== size || image.height !== size) {
      problems.push(`icon ${kind} (${name}) is ${image.width}×${image.height}, must be ${size}×${size}`);
    }
    if (kind === "outline") validateOutlineColours(name, image, problems);
  }
}

/** The outline icon may only hold white, at any opacity, on transparent. */
function validateOutlineColours(name, image, problems) {
  let offending = 0;
  let first;
  for (let i = 0; i < image.width * image.height; i++) {
    const [r, g, b, a] = image.data.subarray(i * 4, i * 4 + 4);
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
      offending++;
      first ??= `(${i % image.width}, ${Math.floor(i / image.width)}) rgba(${r}, ${g}, ${b}, ${a})`;
    }
  }
  if (offending > 0) {
    problems.push(`icon outline (${name}): ${offending} pixel(s) are neither white nor transparent, first at ${first}`);
  }
}

function validateCommands(manifest, problems) {
  const bot = manifest.bots?.[0];
  if (!bot) {
    problems.push("bots: the app must declare its bot");
    return;
  }
  for (const [scope, expected] of Object.entries(EXPECTED_COMMANDS)) {
    const lists = (bot.commandLists ?? []).filter((list) => list.scopes?.includes(scope));
    if (lists.length !== 1) {
      problems.push(`commandLists: expected exactly one list for scope ${scope}, found ${lists.length}`);
      continue;
    }
    const titles = lists[0].commands.map((command) => command.title);
    const sorted = (values) => [...values].sort().join(" | ");
    if (sorted(titles) !== sorted(expected) || new Set(titles).size !== titles.length) {
      problems.push(`commandLists (${scope}): titles are [${titles.join(", ")}], expected [${expected.join(", ")}]`);
    }
    for (const command of lists[0].commands) {
      if ([...command.title].length > MAX_COMMAND_TITLE) {
        problems.push(`commandLists (${scope}): title "${command.title}" is longer than ${MAX_COMMAND_TITLE} characters`);
      }
      if (!command.description) problems.push(`commandLists (${scope}): "${command.title}" has no description`);
    }
  }
  const extraScopes = (bot.commandLists ?? []).flatMap((list) => list.scopes ?? []).filter((s) => !(s in EXPECTED_COMMANDS));
  if (extraScopes.length > 0) problems.push(`commandLists: unexpected scope(s) ${extraScopes.join(", ")}`);
}

function validateProactiveInstall(manifest, problems) {
  const info = manifest.webApplicationInfo;
  if (!info?.id || !info.resource) {
    problems.push("webApplicationInfo: id and resource are required for proactive install through Graph");
  } else if (!info.resource.endsWith(`/${info.id}`)) {
    problems.push(`webApplicationInfo: resource ${info.resource} should end with the app id ${info.id}`);
  }
  if (!Array.isArray(manifest.validDomains) || manifest.validDomains.length === 0) {
    problems.push("validDomains: list the bot's host name");
  }
}

async function validate(target, { template = false } = {}) {
  const problems = [];
  const { files, isZip } = await readPackage(target);
  const manifestBytes = isZip ? files.get("manifest.json") : files.manifest;
  if (!manifestBytes) return ["manifest.json is missing from the zip root"];
  let text = manifestBytes.toString("utf8").replace(/^\uFEFF/, "");
  if (template) text = fillPlaceholders(text, SAMPLE_VALUES);

  const left = placeholdersIn(text);
  if (left.length > 0) problems.push(`placeholder(s) not filled: ${left.map((n) => `\${{${n}}}`).join(", ")}`);

  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    return [...problems, `manifest.json is not valid JSON: ${error.message}`];
  }
  await validateSchema(manifest, problems);
  validateIcons(manifest, files, problems);
  validateCommands(manifest, problems);
  validateProactiveInstall(manifest, problems);
  return problems;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const template = args.includes("--template");
  const targets = args.filter((a) => a !== "--template");
  if (targets.length !== 1) {
    console.error("usage: node manifest/validate.js [--template] <manifest.json | folder | package.zip>");
    process.exit(2);
  }
  validate(targets[0], { template }).then(
    (problems) => {
      for (const problem of problems) console.error(`error: ${problem}`);
      if (problems.length > 0) {
        console.error(`${targets[0]}: ${problems.length} problem(s)`);
        process.exit(1);
      }
      console.log(`${targets[0]}: valid Teams app package`);
    },
    (error) => {
      console.error(`error: ${error.message}`);
      process.exit(1);
    },
  );
}

module.exports = { validate, EXPECTED_COMMANDS, SAMPLE_VALUES };
