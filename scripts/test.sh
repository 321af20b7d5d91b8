#!/usr/bin/env bash
# Second command of the README: install what the tests need and run the whole suite.
#   - Debian: chromium (browser tests), fonts-wqy-microhei (CJK labels in screenshots),
#     default-jre-headless + libapache-jena-java (cross-engine tests with Jena riot/arq/TDB2)
#   - PyPI: the package with its [test] extra, into .venv
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
ls /usr/share/java/jena-core*.jar >/dev/null 2>&1 || need+=(libapache-jena-java)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
exec .venv/bin/python -m pytest -q "$@"
