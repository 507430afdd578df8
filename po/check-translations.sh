#!/usr/bin/env bash
# Checks that the translations in po/ are complete and well-formed.
#
# Usage: po/check-translations.sh SOURCE_ROOT [BUILD_DIR]
#
# 1. po/POTFILES.in must list, sorted, every file under src/, ui/ and data/
#    that has translatable strings (unless it is in po/POTFILES.skip), and
#    nothing else.
# 2. A fresh template is extracted from the sources with xgettext, the same
#    way as `meson compile sunlight-pot` does (i18n.gettext with the glib
#    preset). Every message containing a % must be flagged c-format (or
#    explicitly no-c-format), so that msgfmt checks its placeholders.
# 3. Each language in po/LINGUAS is merged against that template (a copy; the
#    .po files in the tree are not modified) and must pass
#    `msgfmt --check --check-format`, with no untranslated and no fuzzy
#    messages.
#
# The work files go to BUILD_DIR/po-check when a build directory is given
# (and are kept there for inspection), otherwise to a temporary directory.
# Exits 0 on success, 1 on a failed check, 77 (skipped, for meson test) when
# the gettext tools are not installed.

set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "Usage: $0 SOURCE_ROOT [BUILD_DIR]" >&2
  exit 2
fi

srcroot=$(cd "$1" && pwd)
podir="$srcroot/po"

for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (install gettext)" >&2
    exit 77
  fi
done

if [[ $# -eq 2 ]]; then
  workdir="$2/po-check"
  rm -rf "$workdir"
  mkdir -p "$workdir"
else
  workdir=$(mktemp -d "${TMPDIR:-/tmp}/sunlight-po-check.XXXXXX")
  trap 'rm -rf "$workdir"' EXIT
fi

# Keep messages and sorting independent of the user's locale.
export LC_ALL=C

failed=0
fail () {
  echo "FAIL: $*" >&2
  failed=1
}

# --- 1. POTFILES.in -------------------------------------------------------

potfiles="$podir/POTFILES.in"
listed="$workdir/listed.txt"
grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$potfiles" | sed 's/[[:space:]]*$//' > "$listed"

if ! sort -c "$listed" 2>/dev/null; then
  fail "po/POTFILES.in is not sorted; sort it with: LC_ALL=C sort"
fi
if [[ -n $(uniq -d "$listed") ]]; then
  fail "po/POTFILES.in lists a file twice: $(uniq -d "$listed" | tr '\n' ' ')"
fi
while IFS= read -r f; do
  [[ -f "$srcroot/$f" ]] || fail "po/POTFILES.in lists $f, which does not exist"
done < "$listed"

# Files that have translatable strings, found with grep: C code calling the
# gettext macros, GtkBuilder files with translatable properties, and the
# desktop entry, AppStream metainfo, MIME type and GSettings schema.
found="$workdir/found.txt"
(
  cd "$srcroot"
  {
    if [[ -d src ]]; then
      grep -rlE --include='*.c' --include='*.h' \
        '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dcgettext|g_dpgettext2?)[[:space:]]*\(' src || true
    fi
    if [[ -d ui ]]; then
      grep -rlE --include='*.ui' 'translatable="(yes|true|1)"' ui || true
    fi
    if [[ -d data ]]; then
      find data -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
                            -o -name '*.appdata.xml.in' -o -name '*.gschema.xml' \
                            -o -name '*.xml.in' \)
    fi
  } | sort -u
) > "$found"

# Files in po/POTFILES.skip are deliberately left out.
skipped="$workdir/skipped.txt"
if [[ -f "$podir/POTFILES.skip" ]]; then
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$podir/POTFILES.skip" | sed 's/[[:space:]]*$//' | sort -u > "$skipped" || true
else
  : > "$skipped"
fi

missing=$(comm -23 "$found" <(sort -u "$listed" "$skipped"))
if [[ -n "$missing" ]]; then
  fail "these files have translatable strings but are missing from po/POTFILES.in:"
  sed 's/^/    /' <<< "$missing" >&2
fi

# --- 2. A fresh template ----------------------------------------------------

# The same arguments as i18n.gettext(preset: 'glib') and po/meson.build.
pot="$workdir/sunlight.pot"
if ! xgettext \
    --package-name=sunlight \
    --msgid-bugs-address=https://github.com/sunlightapp/sunlight/issues \
    --files-from="$listed" \
    --directory="$srcroot" \
    --output="$pot" \
    --from-code=UTF-8 \
    --add-comments \
    --keyword=_ \
    --keyword=N_ \
    --keyword=C_:1c,2 \
    --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 \
    --keyword=g_dngettext:2,3 \
    --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format \
    --flag=C_:2:pass-c-format \
    --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format \
    --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format \
    --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format \
    --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format \
    --flag=g_log:3:c-format \
    --flag=g_print:1:c-format \
    --flag=g_printerr:1:c-format \
    --flag=g_printf:1:c-format \
    --flag=g_fprintf:2:c-format \
    --flag=g_sprintf:2:c-format \
    --flag=g_snprintf:3:c-format \
    2> "$workdir/xgettext.log"; then
  cat "$workdir/xgettext.log" >&2
  fail "xgettext could not extract the messages"
  exit 1
fi
# xgettext warns, e.g., about strings it cannot use; pass that on.
if [[ -s "$workdir/xgettext.log" ]]; then
  cat "$workdir/xgettext.log" >&2
fi

# Every listed file must give at least one message (and so has been
# understood: .ui via the GtkBuilder ITS rules, .desktop.in as a desktop
# entry, metainfo and gschema via their ITS rules).
referenced="$workdir/referenced.txt"
grep '^#: ' "$pot" | sed 's/^#: //' | tr ' ' '\n' | sed 's/:[0-9]*$//' | sort -u > "$referenced"
unused=$(comm -23 <(sort -u "$listed") "$referenced")
if [[ -n "$unused" ]]; then
  fail "po/POTFILES.in lists files without translatable strings (remove them):"
  sed 's/^/    /' <<< "$unused" >&2
fi

# Messages with a % must be checked as printf formats: xgettext flags them
# c-format when they are passed to printf-like functions or look like one.
# Flag the others with a /* xgettext:no-c-format */ comment.
msgattrib --no-wrap --no-obsolete "$pot" | awk '
  /^#, / { flags = $0 }
  /^#: / { where = $0 }
  /^msgid / {
    if ($0 != "msgid \"\"" && $0 ~ /%/ && flags !~ /c-format/)
      print "    " substr(where, 4) ": " substr($0, 7)
    flags = ""; where = ""
  }
' > "$workdir/unflagged.txt"
if [[ -s "$workdir/unflagged.txt" ]]; then
  fail "these messages contain % but are not flagged c-format or no-c-format:"
  cat "$workdir/unflagged.txt" >&2
fi

# --- 3. Each language --------------------------------------------------------

# Prints the msgids of a PO file, one a line, indented.
list_msgids () {
  msgattrib --no-wrap --no-location --no-obsolete "$1" | awk '
    function flush () { if (id != "" && id != "\"\"") print "    " ctx id; id = ""; ctx = "" }
    /^msgctxt / { flush(); ctx = "[" substr($0, 9) "] "; next }
    /^msgid / { flush(); id = substr($0, 7); inid = 1; next }
    /^"/ { if (inid) { id = (id == "\"\"" ? "" : id) $0 }; next }
    { inid = 0 }
    END { flush() }
  '
}

languages=$(sed -e 's/#.*//' "$podir/LINGUAS" | tr -s '[:space:]' '\n' | sed '/^$/d')
for lang in $languages; do
  po="$podir/$lang.po"
  if [[ ! -f "$po" ]]; then
    fail "$lang: po/$lang.po does not exist (it is in po/LINGUAS)"
    continue
  fi

  merged="$workdir/$lang.po"
  lang_ok=1
  if ! msgmerge --quiet --previous --output-file="$merged" "$po" "$pot" 2> "$workdir/$lang.msgmerge.log"; then
    cat "$workdir/$lang.msgmerge.log" >&2
    fail "$lang: msgmerge failed"
    continue
  fi

  if ! msgfmt --check --check-format --output-file=/dev/null "$merged" 2> "$workdir/$lang.msgfmt.log"; then
    # The line numbers are those of the merged copy: name the msgid instead.
    while IFS= read -r line; do
      if [[ "$line" =~ ^"$merged":([0-9]+):\ (.*)$ ]]; then
        msgid=$(awk -v n="${BASH_REMATCH[1]}" 'NR <= n && /^msgid / { id = substr($0, 7) } NR == n { print id; exit }' "$merged")
        echo "    $msgid: ${BASH_REMATCH[2]}" >&2
      elif [[ "$line" != *"found "*" fatal error"* ]]; then
        echo "    ${line//$merged/po/$lang.po}" >&2
      fi
    done < "$workdir/$lang.msgfmt.log"
    fail "$lang: msgfmt --check found errors (placeholders, plural forms or header)"
    lang_ok=0
  fi

  untranslated=$(msgattrib --untranslated --no-fuzzy "$merged" | list_msgids -)
  fuzzy=$(msgattrib --only-fuzzy "$merged" | list_msgids -)
  if [[ -n "$untranslated" ]]; then
    fail "$lang: $(wc -l <<< "$untranslated") untranslated message(s):"
    echo "$untranslated" >&2
  fi
  if [[ -n "$fuzzy" ]]; then
    fail "$lang: $(wc -l <<< "$fuzzy") fuzzy message(s) (new or changed in the sources; check them and remove the fuzzy flag):"
    echo "$fuzzy" >&2
  fi

  obsolete=$(msgattrib --only-obsolete --no-wrap "$merged" | grep -c '^#~ msgid ' || true)
  if [[ "$obsolete" -gt 0 ]]; then
    echo "note: $lang: $obsolete message(s) in po/$lang.po are no longer in the sources (run: meson compile sunlight-update-po)" >&2
  fi

  if [[ "$lang_ok" -eq 1 && -z "$untranslated" && -z "$fuzzy" ]]; then
    echo "$lang: $(msgfmt --statistics --output-file=/dev/null "$merged" 2>&1)"
  fi
done

if [[ "$failed" -ne 0 ]]; then
  echo "Translation check failed." >&2
  exit 1
fi
echo "All translations are complete."
