#!/usr/bin/env bash
# Installs the Debian packages the test suite needs: a real RT 5 with SQLite (for the RT
# integration tests) and Chromium (for the browser tests). Idempotent: packages already
# installed are not fetched again. Needs root (the CI and developer machines run as root).
set -euo pipefail

want_rt=1 want_browser=1
for arg in "$@"; do
  case "$arg" in
    --rt-only) want_browser=0 ;;
    --browser-only) want_rt=0 ;;
    *) echo "usage: $0 [--rt-only|--browser-only]" >&2; exit 2 ;;
  esac
done

export DEBIAN_FRONTEND=noninteractive
APT=(apt-get -o DPkg::Lock::Timeout=900 -y -q)
here=$(cd "$(dirname "$0")" && pwd)

pkgs=()
if [ "$want_rt" = 1 ] && [ ! -x /usr/share/request-tracker5/libexec/rt-server ]; then
  pkgs+=(rt5-db-sqlite dbconfig-sqlite3 sqlite3 w3m request-tracker5 rt5-standalone rt5-clients)
fi
if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  pkgs+=(chromium chromium-driver fonts-dejavu-core)
fi
[ ${#pkgs[@]} -eq 0 ] && { echo "system packages: already installed"; exit 0; }

if [ "$(id -u)" != 0 ]; then
  echo "error: installing ${pkgs[*]} needs root; run: sudo $0" >&2
  exit 1
fi

if [ "$want_rt" = 1 ]; then
  # RT reads this file at every start. It must exist before the package creates its database,
  # because the bcrypt cost of the root password is fixed when the hash is made (cost 12 makes
  # every authenticated request ~0.3 s slower).
  install -d /etc/request-tracker5/RT_SiteConfig.d
  install -m 0644 "$here/rt/99-casecat-test.pm" /etc/request-tracker5/RT_SiteConfig.d/99-casecat-test.pm
  # Stale templates after a purge make preseeding fail; registering the questions again fixes it.
  if command -v debconf-communicate >/dev/null; then
    for q in dbconfig-install database-type db/dbname db/basepath; do
      echo "REGISTER dbconfig-common/$q request-tracker5/$q" | debconf-communicate request-tracker5 >/dev/null 2>&1 || true
    done
  fi
  debconf-set-selections <<'SEL'
request-tracker5 request-tracker5/rtname string casecat-test
request-tracker5 request-tracker5/organization string example.org
request-tracker5 request-tracker5/correspondaddress string rt@example.org
request-tracker5 request-tracker5/commentaddress string rt-comment@example.org
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1
request-tracker5 request-tracker5/webpath string
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/initial-root-password password password
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/db/dbname string rtdb
request-tracker5 request-tracker5/db/basepath string /var/lib/dbconfig-common/sqlite3/request-tracker5
SEL
fi

"${APT[@]}" update
"${APT[@]}" install --no-install-recommends "${pkgs[@]}"
echo "system packages: installed ${pkgs[*]}"
