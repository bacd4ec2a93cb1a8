#!/usr/bin/env bash
# Packs the Teams app: fills manifest/manifest.json's ${{…}} placeholders, validates the result offline and
# writes manifest/build/CchcBot.zip (manifest.json, color.png, outline.png at the zip root).
#
# Values come from options or environment variables (an option wins):
#   --bot-id        BOT_ID                 required; the bot's Microsoft Entra app id (MicrosoftAppId), a GUID
#   --bot-domain    BOT_DOMAIN             required; the bot's host name, e.g. cchc-bot.azurewebsites.net
#   --aad-app-id    AAD_APP_ID             webApplicationInfo.id: the Entra app that calls Graph (Graph:ClientId);
#                                          default BOT_ID (one app registration for both). The Tiến độ tab's sign-in
#                                          (Teams SSO, api://BOT_DOMAIN/AAD_APP_ID) works only when it is BOT_ID
#   --app-id        APP_ID                 the Teams app id (GUID); default 56da3e1b-9e83-4f1d-b95f-5dcc6558ec56.
#                                          Keep it stable: the tenant catalog and Graph:TeamsAppId know the app by it
#   --version       APP_VERSION            default 1.0.0; raise it for every upload of a changed package
#   --developer-name DEVELOPER_NAME        default "Thanh tra tỉnh"
#   --website-url   DEVELOPER_WEBSITE_URL  default https://BOT_DOMAIN
#   --privacy-url   DEVELOPER_PRIVACY_URL  default https://BOT_DOMAIN/privacy
#   --terms-url     DEVELOPER_TERMS_URL    default https://BOT_DOMAIN/terms
#   --out           PACK_OUT               default manifest/build/CchcBot.zip
# The zip is written by npm yazl with a fixed timestamp: the same inputs give the same bytes on every machine.
# Needs node and the project's Node tools (scripts/install-tools.sh): the schemas, yazl/yauzl and pngjs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

fail() {
  echo "pack-manifest: error: $*" >&2
  exit 1
}

usage() {
  # The comment block at the top of this file, without its "# ".
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --bot-id) BOT_ID=${2?"missing value for $1"}; shift 2 ;;
    --bot-domain) BOT_DOMAIN=${2?"missing value for $1"}; shift 2 ;;
    --aad-app-id) AAD_APP_ID=${2?"missing value for $1"}; shift 2 ;;
    --app-id) APP_ID=${2?"missing value for $1"}; shift 2 ;;
    --version) APP_VERSION=${2?"missing value for $1"}; shift 2 ;;
    --developer-name) DEVELOPER_NAME=${2?"missing value for $1"}; shift 2 ;;
    --website-url) DEVELOPER_WEBSITE_URL=${2?"missing value for $1"}; shift 2 ;;
    --privacy-url) DEVELOPER_PRIVACY_URL=${2?"missing value for $1"}; shift 2 ;;
    --terms-url) DEVELOPER_TERMS_URL=${2?"missing value for $1"}; shift 2 ;;
    --out) PACK_OUT=${2?"missing value for $1"}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
host='^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$'
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'

BOT_ID=${BOT_ID:-}
BOT_DOMAIN=${BOT_DOMAIN:-}
[[ -n $BOT_ID ]] || fail "BOT_ID is required: the bot's Microsoft Entra app id (MicrosoftAppId), e.g. --bot-id 00000000-0000-0000-0000-000000000000"
[[ $BOT_ID =~ $guid ]] || fail "BOT_ID '$BOT_ID' is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"
[[ -n $BOT_DOMAIN ]] || fail "BOT_DOMAIN is required: the bot's host name, e.g. --bot-domain cchc-bot.azurewebsites.net"
[[ $BOT_DOMAIN =~ $host ]] || fail "BOT_DOMAIN '$BOT_DOMAIN' is not a host name (no https://, no port, no path), e.g. cchc-bot.azurewebsites.net"

export BOT_ID BOT_DOMAIN
export AAD_APP_ID=${AAD_APP_ID:-$BOT_ID}
export APP_ID=${APP_ID:-56da3e1b-9e83-4f1d-b95f-5dcc6558ec56}
export APP_VERSION=${APP_VERSION:-1.0.0}
export DEVELOPER_NAME=${DEVELOPER_NAME:-Thanh tra tỉnh}
export DEVELOPER_WEBSITE_URL=${DEVELOPER_WEBSITE_URL:-https://$BOT_DOMAIN}
export DEVELOPER_PRIVACY_URL=${DEVELOPER_PRIVACY_URL:-https://$BOT_DOMAIN/privacy}
export DEVELOPER_TERMS_URL=${DEVELOPER_TERMS_URL:-https://$BOT_DOMAIN/terms}
out=${PACK_OUT:-$root/manifest/build/CchcBot.zip}

[[ $AAD_APP_ID =~ $guid ]] || fail "AAD_APP_ID '$AAD_APP_ID' is not a GUID"
if [[ ${AAD_APP_ID,,} != "${BOT_ID,,}" ]]; then
  echo "pack-manifest: warning: AAD_APP_ID differs from BOT_ID: the Tiến độ tab's sign-in (Teams SSO) validates tokens for the bot's app id only, so the tab will refuse everyone" >&2
fi
[[ $APP_ID =~ $guid ]] || fail "APP_ID '$APP_ID' is not a GUID"
[[ $APP_VERSION =~ $semver ]] || fail "APP_VERSION '$APP_VERSION' is not a version like 1.0.0"
for name in DEVELOPER_WEBSITE_URL DEVELOPER_PRIVACY_URL DEVELOPER_TERMS_URL; do
  [[ ${!name} =~ ^https://[^[:space:]]+$ ]] || fail "$name '${!name}' must be an https:// address"
done
(( ${#DEVELOPER_NAME} <= 32 )) || fail "DEVELOPER_NAME is longer than 32 characters"

command -v node >/dev/null || fail "node is required (it validates the manifest and writes the zip)"
for module in @microsoft/app-manifest yazl yauzl pngjs; do
  [[ -d $root/node_modules/$module ]] || fail "the Node tools are missing ($module): run scripts/install-tools.sh first"
done
if [[ -n ${PACK_ZIP_TOOL:-} ]]; then
  echo "pack-manifest: note: PACK_ZIP_TOOL is no longer used (the zip is always written by yazl); ignoring '$PACK_ZIP_TOOL'" >&2
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
node "$root/manifest/tools/fill.js" "$root/manifest/manifest.json" "$stage/manifest.json" || fail "could not fill the manifest"
cp "$root/manifest/color.png" "$root/manifest/outline.png" "$stage/"
node "$root/manifest/validate.js" "$stage/manifest.json" >/dev/null || fail "the filled manifest is not valid (see above)"

mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
rm -f "$out"
node "$root/manifest/tools/zip.js" "$out" "$stage/manifest.json" "$stage/color.png" "$stage/outline.png" ||
  fail "could not write $out"
node "$root/manifest/validate.js" "$out" >/dev/null || { rm -f "$out"; fail "the packed zip is not valid (see above)"; }

echo "packed $out (app $APP_ID v$APP_VERSION, bot $BOT_ID at $BOT_DOMAIN)"
