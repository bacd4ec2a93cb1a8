// Validates Adaptive Cards with the official Adaptive Cards JS SDK (npm adaptivecards, dist build: the lib/ ES
// modules do not load in Node). One long-lived process serves a whole test run (tests/Support/CardValidator.cs):
// each line on stdin is one request, a JSON array of cards; each answer is one line on stdout, in order, a JSON
// array of problem lists (one per card), or {"error": "..."} for a line that is not a JSON array. The process
// exits when stdin closes (and, started with --require exit-with-parent.js, when the test host dies).
// By hand: echo '[{"type":"AdaptiveCard","version":"1.5","body":[]}]' | node tests/Support/validate-card.js
// A card is checked three ways:
//   1. parse events (unknown element/action types, invalid property values),
//   2. validateProperties() events (duplicate ids, inputs without ids, empty choice sets…),
//   3. a round trip: every property of the input must survive parse → toJSON(), so a property the SDK does not
//      know (a typo, a property from a newer schema) is reported. Teams' own "msteams" extension is allowed.
// Every card gets a new AdaptiveCard and SerializationContext: nothing carries over from one card to the next.
const path = require('path');
const AC = require(path.join(__dirname, '..', '..', 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

const teamsOnly = new Set(['msteams', '$schema']);

function lostProperties(input, output, where, problems) {
  if (Array.isArray(input)) {
    input.forEach((item, i) => lostProperties(item, Array.isArray(output) ? output[i] : undefined, `${where}[${i}]`, problems));
    return;
  }
  if (input === null || typeof input !== 'object') return;
  // Free-form payloads are not schema: action data, refresh data.
  for (const key of Object.keys(input)) {
    if (teamsOnly.has(key) || key === 'data') continue;
    const out = output && typeof output === 'object' ? output[key] : undefined;
    if (out === undefined) {
      // Default values are omitted by toJSON (e.g. "wrap": false): only report when the SDK knows no such property.
      if (!isDefaultDrop(input, key)) problems.push(`unknown or invalid property "${key}" at ${where}`);
      continue;
    }
    lostProperties(input[key], out, `${where}.${key}`, problems);
  }
}

// Values the SDK drops on output because they equal the default.
function isDefaultDrop(obj, key) {
  const v = obj[key];
  const defaults = {
    wrap: false, isSubtle: false, separator: false, isMultiline: false, isVisible: true, isRequired: false,
    spacing: 'default', size: 'default', weight: 'default', color: 'default', horizontalAlignment: 'left',
    style: ['default', 'compact'], width: 'stretch', height: 'auto', maxLines: 0, bleed: false,
    associatedInputs: 'auto', mode: 'primary', isMultiSelect: false, verticalContentAlignment: 'top',
  };
  if (!(key in defaults)) return false;
  const d = defaults[key];
  return Array.isArray(d) ? d.includes(v) : d === v;
}

function validate(json) {
  const problems = [];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  try {
    card.parse(json, context);
  } catch (e) {
    return [`parse failed: ${e.message}`];
  }
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) problems.push(`validation: ${e.message}`);
  lostProperties(json, card.toJSON(), '$', problems);
  return problems;
}

function answer(line) {
  let cards;
  try {
    cards = JSON.parse(line);
  } catch (e) {
    return { error: `request is not JSON: ${e.message}` };
  }
  if (!Array.isArray(cards)) return { error: 'request is not a JSON array of cards' };
  return cards.map((card) => {
    try {
      return validate(card);
    } catch (e) {
      return [`the validator failed on this card: ${e.message}`];
    }
  });
}

const readline = require('readline');
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
lines.on('line', (line) => {
  if (line.trim() === '') return;
  process.stdout.write(JSON.stringify(answer(line)) + '\n');
});
lines.on('close', () => process.exit(0));
