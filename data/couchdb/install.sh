#!/bin/sh
# Prepares an Apache CouchDB database for Sunlight:
#
#   data/couchdb/install.sh URL DB ADMIN
#
# creates DB (if it does not exist), lets the roles marketing, finance and
# viewer in (_security) and installs the write rules (sunlight-design.json,
# a validate_doc_update design document), replacing an older copy.
# The admin's password comes from $COUCHDB_PASSWORD, or is asked for.
# Users are made in CouchDB's _users database with one of those roles.
set -eu

if [ $# -ne 3 ]; then
  echo "usage: $0 URL DB ADMIN   (e.g. $0 https://couch.example.org:6984 sunlight admin)" >&2
  exit 2
fi

url=${1%/}
db=$2
admin=$3
here=$(cd "$(dirname "$0")" && pwd)
design="$here/sunlight-design.json"

case $db in
  [a-z]*) ;;
  *) echo "$0: a database name starts with a letter a-z" >&2; exit 2 ;;
esac

password=${COUCHDB_PASSWORD:-}
if [ -z "$password" ]; then
  printf 'Password for %s: ' "$admin" >&2
  stty -echo 2>/dev/null || true
  read -r password
  stty echo 2>/dev/null || true
  printf '\n' >&2
fi

# The credentials go to curl in a file only we can read, not on its
# command line.
config=$(mktemp)
trap 'rm -f "$config"' EXIT
chmod 600 "$config"
printf 'user = "%s:%s"\n' "$admin" "$password" > "$config"

# request METHOD PATH [BODY-FILE]: prints the body, then the status on
# its own line.
request() {
  if [ $# -eq 3 ]; then
    curl -sS -K "$config" -X "$1" -H 'Accept: application/json' \
      -H 'Content-Type: application/json' --data-binary "@$3" \
      -w '\n%{http_code}\n' "$url$2"
  else
    curl -sS -K "$config" -X "$1" -H 'Accept: application/json' \
      -w '\n%{http_code}\n' "$url$2"
  fi
}

status_of() {
  printf '%s\n' "$1" | tail -n 1
}

fail() {
  echo "$0: $1:" >&2
  printf '%s\n' "$2" | sed '$d' >&2
  exit 1
}

answer=$(request PUT "/$db")
case $(status_of "$answer") in
  201|202) echo "Created database $db" ;;
  412) echo "Database $db exists" ;;
  *) fail "could not create $db" "$answer" ;;
esac

security=$(mktemp)
trap 'rm -f "$config" "$security"' EXIT
cat > "$security" <<'JSON'
{"admins": {"names": [], "roles": []},
 "members": {"names": [], "roles": ["marketing", "finance", "viewer"]}}
JSON
answer=$(request PUT "/$db/_security" "$security")
case $(status_of "$answer") in
  200|201) echo "Members of $db: the roles marketing, finance and viewer" ;;
  *) fail "could not write $db/_security" "$answer" ;;
esac

# Replace an installed copy: its current _rev goes in the URL.
answer=$(request GET "/$db/_design/sunlight")
rev=""
if [ "$(status_of "$answer")" = 200 ]; then
  rev=$(printf '%s\n' "$answer" | sed -n 's/.*"_rev" *: *"\([^"]*\)".*/\1/p' | head -n 1)
fi
answer=$(request PUT "/$db/_design/sunlight${rev:+?rev=$rev}" "$design")
case $(status_of "$answer") in
  201|202) echo "Installed the write rules (_design/sunlight)" ;;
  *) fail "could not install _design/sunlight" "$answer" ;;
esac
