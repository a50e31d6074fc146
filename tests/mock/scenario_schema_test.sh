#!/usr/bin/env bash
# docs/scenario.schema.json gives the verdict cprokit's own reader gives on
# every scenario fixture: it accepts each file of valid/ and refuses each
# file of invalid/ (the mock test "scenario fixtures" checks the reader on the
# same files, at the pointers of their .expect). Needs Debian's
# python3-jsonschema (scripts/setup.sh installs it); skipped (77) without.
#   scenario_schema_test.sh SCHEMA FIXTURES_DIR
set -euo pipefail
schema=${1:?usage: scenario_schema_test.sh SCHEMA FIXTURES_DIR}
fixtures=${2:?usage: scenario_schema_test.sh SCHEMA FIXTURES_DIR}
if ! command -v python3 >/dev/null || ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "skipped: python3-jsonschema is not installed (scripts/setup.sh installs it)"
  exit 77
fi
python3 - "$schema" "$fixtures" <<'PYTHON'
import glob, json, os, sys
import jsonschema

schema_path, fixtures = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
failures, checked = 0, 0
for verdict in ("valid", "invalid"):
    files = sorted(glob.glob(os.path.join(fixtures, verdict, "*.json")))
    if not files:
        print(f"no file in {fixtures}/{verdict}")
        failures += 1
    for path in files:
        checked += 1
        with open(path, encoding="utf-8") as f:
            errors = list(validator.iter_errors(json.load(f)))
        if verdict == "valid" and errors:
            failures += 1
            print(f"{path}: the schema refuses a file cprokit accepts:")
            for e in errors:
                print(f"  /{'/'.join(map(str, e.absolute_path))}: {e.message}")
        elif verdict == "invalid" and not errors:
            failures += 1
            print(f"{path}: the schema accepts a file cprokit refuses")
print(f"scenario schema: {checked} files, {failures} disagreement(s)")
sys.exit(1 if failures else 0)
PYTHON
