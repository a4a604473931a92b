#!/usr/bin/env bash
# Builds the reference site (issue 18 part 6) into docs/site/_site: the .NET API of TaskForce.Domain generated from
# its XML documentation by docfx (pinned in .config/dotnet-tools.json), the package README, the HTTP API page
# generated from src/TaskForce.Functions/openapi.json (raw document included), versioning and changelog.
# Fails on any docfx warning. Not published from here; _site and gen are git-ignored.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
site=docs/site
rm -rf "$site/_site" "$site/gen"
content="$site/gen/content"
mkdir -p "$content/package"
dotnet tool restore >/dev/null
# The pages kept elsewhere in the repository, copied in with their links pointed at the site's copies.
sed 's#(docs/package/versioning.md)#(versioning.md)#g' CHANGELOG.md >"$content/CHANGELOG.md"
sed 's#(../../CHANGELOG.md)#(CHANGELOG.md)#g' docs/package/versioning.md >"$content/versioning.md"
cp src/TaskForce.Domain/README.md "$content/package/README.md"
cp src/TaskForce.Functions/openapi.json "$content/openapi.json"
node "$site/openapi-to-markdown.mjs" src/TaskForce.Functions/openapi.json "$content/http-api.md"
dotnet docfx metadata "$site/docfx.json" --warningsAsErrors
dotnet docfx build "$site/docfx.json" --warningsAsErrors
echo "Site built: $site/_site/index.html"
