#!/usr/bin/env bash
# Inside mock-chorus/, includes run one way, down the floors below: a file
# may include the files of its own floor and of the floors under it, never
# one above. A file's floor is its folder's (api/, flux/…) or, for a file
# directly in mock-chorus/, its name's (server.cpp, mock.hpp…).
#   floors_test.sh MOCK_CHORUS_DIR
set -euo pipefail
root=${1:?usage: floors_test.sh MOCK_CHORUS_DIR}

# The floors, top (1) to bottom.
floor_of() {
  case "$1" in
    server | listen | faults | http_reply | gate | portal_wire | http) echo 1 ;;  # the HTTP server: its connections (http/), its socket, who may send a body, faults on the wire
    api | portal) echo 2 ;;                  # the handlers: the real API's, /_mock/ and the portal's pages
    flux | deposit) echo 3 ;;                # the flux worker; a deposit by file and request
    mock) echo 4 ;;                          # the shared state: options, store, gate, catalogue
    auth | records | scenario) echo 5 ;;     # who may call; what a deposit is stored as; scenarios
    store | wire | lifecycle) echo 6 ;;      # storage, the wire format, statuses
    *) echo "" ;;
  esac
}

# "api" for api/routes.hpp, "mock" for mock.hpp.
module_of() {
  local path=$1
  if [[ $path == */* ]]; then
    echo "${path%%/*}"
  else
    echo "${path%.*}"
  fi
}

status=0
files=0
while IFS= read -r file; do
  files=$((files + 1))
  relative=${file#"$root"/}
  from=$(module_of "$relative")
  from_floor=$(floor_of "$from")
  if [[ -z $from_floor ]]; then
    echo "mock-chorus/$relative: $from is on no floor: add it to $0"
    status=1
    continue
  fi
  while IFS= read -r target; do
    to=$(module_of "$target")
    to_floor=$(floor_of "$to")
    if [[ -z $to_floor ]]; then
      echo "mock-chorus/$relative includes mock-chorus/$target: $to is on no floor: add it to $0"
      status=1
    elif ((to_floor < from_floor)); then
      echo "mock-chorus/$relative includes mock-chorus/$target: $to (floor $to_floor) is" \
        "above $from (floor $from_floor)"
      status=1
    fi
  done < <(sed -n 's|^[[:space:]]*#[[:space:]]*include[[:space:]]*"mock-chorus/\([^"]*\)".*|\1|p' "$file")
done < <(find "$root" \( -name '*.cpp' -o -name '*.hpp' \) | sort)

if ((files == 0)); then
  echo "no source file under $root"
  exit 1
fi
if ((status == 0)); then echo "floors: $files files, every include at the same floor or below"; fi
exit $status
