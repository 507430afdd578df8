#!/usr/bin/env bash
# Self-test of po/check-translations.sh: a tiny source tree with one
# language per fault goes through the same script, which must pass on the
# good tree and fail, naming the fault, on each broken one.
#
# Usage: po/test-check-translations.sh SOURCE_ROOT
set -euo pipefail

srcroot=$(cd "$1" && pwd)
check="$srcroot/po/check-translations.sh"
for tool in xgettext msgmerge msgfmt msgattrib; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed" >&2; exit 77; }
done

# The real tree checks the three languages the issue asks for.
for lang in th fa zh_CN; do
  if ! sed -e 's/#.*//' "$srcroot/po/LINGUAS" | tr -s '[:space:]' '\n' | grep -qx "$lang"; then
    echo "FAIL: po/LINGUAS does not list $lang, so it is not checked" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sunlight-po-selftest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

header () {
  cat <<PO
msgid ""
msgstr ""
"Project-Id-Version: sunlight\n"
"Language: $1\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=1; plural=0;\n"

PO
}

# A tree with one C file, and a catalog in each language: $1 decides
# which catalog is broken, and how.
make_tree () {
  local dir=$tmp/$1 fault=$1
  mkdir -p "$dir/src" "$dir/po"
  cat > "$dir/src/hello.c" <<'C'
#include <glib/gi18n.h>
char *hello (int n) { return g_strdup_printf (_("%d files in %s"), n, _("Hello")); }
C
  printf '# test\n# keep sorted\nsrc/hello.c\n' > "$dir/po/POTFILES.in"
  printf 'th fa zh_CN\n' > "$dir/po/LINGUAS"
  { header th; printf 'msgid "Hello"\nmsgstr "สวัสดี"\n\n#, c-format\nmsgid "%%d files in %%s"\nmsgstr "%%d ไฟล์ใน %%s"\n'; } > "$dir/po/th.po"
  { header fa; printf 'msgid "Hello"\nmsgstr "سلام"\n\n#, c-format\nmsgid "%%d files in %%s"\nmsgstr "%%d پرونده در %%s"\n'; } > "$dir/po/fa.po"
  { header zh_CN; printf 'msgid "Hello"\nmsgstr "你好"\n\n#, c-format\nmsgid "%%d files in %%s"\nmsgstr "%%2$s 中有 %%1$d 个文件"\n'; } > "$dir/po/zh_CN.po"
  case $fault in
    untranslated) sed -i 's/^msgstr "สวัสดี"$/msgstr ""/' "$dir/po/th.po" ;;
    fuzzy) sed -i 's/^msgid "Hello"$/#, fuzzy\nmsgid "Hello"/' "$dir/po/fa.po" ;;
    placeholder) sed -i 's/^msgstr "%2\$s 中有 %1\$d 个文件"$/msgstr "%2$d 中有 %1$s 个文件"/' "$dir/po/zh_CN.po" ;;
    potfiles) printf 'char *bye (void) { return _("Bye"); }\n' > "$dir/src/bye.c" ;;
  esac
}

failed=0
# expect NAME STATUS WORDS: the check of tree NAME exits STATUS and its
# output has WORDS.
expect () {
  local name=$1 status=$2 words=$3 got=0
  make_tree "$name"
  bash "$check" "$tmp/$name" > "$tmp/$name.log" 2>&1 || got=$?
  if [[ $got -ne $status ]] || ! grep -q -- "$words" "$tmp/$name.log"; then
    echo "not ok: the $name tree: exit $got (expected $status), output:" >&2
    sed 's/^/    /' "$tmp/$name.log" >&2
    failed=1
  else
    echo "ok: the $name tree: exit $got, “$words”"
  fi
}

expect good 0 "All translations are complete"
expect untranslated 1 "th: 1 untranslated message"
expect fuzzy 1 "fa: 1 fuzzy message"
expect placeholder 1 "zh_CN: msgfmt --check found errors"
expect potfiles 1 "missing from po/POTFILES.in"
exit $failed
