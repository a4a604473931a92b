#!/usr/bin/env bash
# Declares the packages' new public API: builds each package project (src/TaskForce.Domain and src/TaskForce.Client,
# or the ones named as arguments), collects every symbol the
# PublicApiAnalyzers report as undeclared (RS0016) into PublicAPI.Unshipped.txt, and drops the ones reported as
# removed (RS0017). Review the diff: a removed or changed line in PublicAPI.Shipped.txt is a breaking change
# (docs/package/versioning.md). At a release, move the Unshipped lines into Shipped.
# Usage: scripts/public-api.sh [TaskForce.Domain|TaskForce.Client ...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(TaskForce.Domain TaskForce.Client)
for name in "${names[@]}"; do
project="src/$name"
echo "$name:"
dotnet build "$project/$name.csproj" -nologo -p:TreatWarningsAsErrors=false -p:WarningsAsErrors=RS0016%3BRS0017 >"$log" 2>&1 || true
python3 - "$project" "$log" <<'PY'
import re, sys
project, log = sys.argv[1], sys.argv[2]
text = open(log, encoding="utf-8").read()
added = set(re.findall(r"RS0016: Symbol '(.+?)' is not part of the declared public API", text))
removed = set(re.findall(r"RS0017: Symbol '(.+?)' is part of the declared (?:public )?API, but is either not public or could not be found", text))
shipped = set(open(f"{project}/PublicAPI.Shipped.txt", encoding="utf-8").read().splitlines())
path = f"{project}/PublicAPI.Unshipped.txt"
lines = [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip() and l.strip() != "#nullable enable"]
gone = {l for l in removed if l in shipped}                     # a shipped symbol is gone: a breaking change
body = {l for l in lines if l not in removed} | added | {"*REMOVED*" + l for l in gone}
key = lambda s: s.replace("*REMOVED*", "").replace("static ", "").replace("abstract ", "").replace("override ", "").replace("virtual ", "").replace("const ", "").lower()
open(path, "w", encoding="utf-8", newline="\n").write("#nullable enable\n" + "".join(l + "\n" for l in sorted(body, key=key)))
print(f"{len(added)} symbol(s) declared, {len(removed)} declaration(s) gone, {len(gone)} of them shipped in the last release (breaking).")
PY
done
