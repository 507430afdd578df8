/* sl-json-scan.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-json-scan.h"
#include "sl-json-text.h"
#include "sl-server-error.h"

static gboolean
fail (SlJsonScan  *scan,
      GError     **error,
      const char  *what)
{
  g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
               "invalid JSON at byte %" G_GSIZE_FORMAT ": %s", scan->pos, what);
  return FALSE;
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline void
skip_space (SlJsonScan *scan)
{
  while (scan->pos < scan->length && is_space (scan->text[scan->pos]))
    scan->pos++;
}

gboolean
sl_json_scan_init (SlJsonScan  *scan,
                   const char  *text,
                   gsize        length,
                   GError     **error)
{
  sl_json_scan_clear (scan);
  scan->text = text;
  scan->length = length;
  scan->pos = 0;
  scan->depth = 0;

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                           "invalid UTF-8 JSON");
      return FALSE;
    }
  if (length == 0)
    return fail (scan, error, "no JSON");

  return TRUE;
}

void
sl_json_scan_clear (SlJsonScan *scan)
{
  for (guint i = 0; i < G_N_ELEMENTS (scan->names); i++)
    g_clear_pointer (&scan->names[i], g_hash_table_unref);
  if (scan->name != NULL)
    g_string_free (scan->name, TRUE);
  scan->name = NULL;
}

char
sl_json_scan_peek (SlJsonScan *scan)
{
  skip_space (scan);
  return scan->pos < scan->length ? scan->text[scan->pos] : '\0';
}

gboolean
sl_json_scan_at_end (SlJsonScan  *scan,
                     GError     **error)
{
  if (sl_json_scan_peek (scan) != '\0')
    return fail (scan, error, "text after the JSON value");
  return TRUE;
}

static gboolean
expect (SlJsonScan  *scan,
        char         c,
        GError     **error)
{
  if (sl_json_scan_peek (scan) != c)
    {
      char what[] = "expected ' '";

      what[10] = c;
      return fail (scan, error, what);
    }

  scan->pos++;
  return TRUE;
}

gboolean
sl_json_scan_enter (SlJsonScan  *scan,
                    char         open,
                    GError     **error)
{
  if (!expect (scan, open, error))
    return FALSE;
  if (scan->depth >= SL_JSON_TEXT_MAX_DEPTH)
    return fail (scan, error, "nested too deeply");
  scan->started[++scan->depth] = FALSE;
  if (open == '{' && scan->names[scan->depth] != NULL)
    g_hash_table_remove_all (scan->names[scan->depth]);
  return TRUE;
}

/* Before a member or element: ',' unless it is the first, or the
 * closing character. "[1,]" fails when the caller reads the value. */
static gboolean
next_item (SlJsonScan  *scan,
           char         close,
           gboolean    *done,
           GError     **error)
{
  *done = FALSE;
  if (sl_json_scan_peek (scan) == close)
    {
      scan->pos++;
      scan->depth--;
      *done = TRUE;
      return TRUE;
    }

  if (scan->started[scan->depth])
    return expect (scan, ',', error);
  scan->started[scan->depth] = TRUE;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u"; -1 if not. */
static gint32
read_hex4 (SlJsonScan *scan)
{
  gint32 value = 0;

  if (scan->pos + 4 > scan->length)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (scan->text[scan->pos + i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  scan->pos += 4;
  return value;
}

/* "\uXXXX" (with its pair for a surrogate) as a code point, or -1. */
static gint32
read_unicode_escape (SlJsonScan *scan)
{
  gint32 high = read_hex4 (scan);
  gint32 low;

  if (high < 0 || (high >= 0xdc00 && high <= 0xdfff))
    return -1;
  if (high < 0xd800 || high > 0xdbff)
    return high;

  if (scan->pos + 2 > scan->length || scan->text[scan->pos] != '\\' ||
      scan->text[scan->pos + 1] != 'u')
    return -1;
  scan->pos += 2;
  low = read_hex4 (scan);
  if (low < 0xdc00 || low > 0xdfff)
    return -1;
  return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
}

/* One escape after the backslash; appends it decoded to @out if set. */
static gboolean
read_escape (SlJsonScan  *scan,
             GString     *out,
             GError     **error)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  char c = scan->pos < scan->length ? scan->text[scan->pos++] : '\0';
  const char *known = c != '\0' ? strchr (from, c) : NULL;
  gint32 code;

  if (known != NULL)
    {
      if (out != NULL)
        g_string_append_c (out, to[known - from]);
      return TRUE;
    }
  if (c != 'u' || (code = read_unicode_escape (scan)) < 0)
    return fail (scan, error, "a bad escape in a string");
  if (out != NULL)
    {
      if (code == 0)
        return fail (scan, error, "\\u0000 in a string");
      g_string_append_unichar (out, (gunichar) code);
    }
  return TRUE;
}

/* A string at the scanner (after optional whitespace); decoded into
 * @out when set. */
static gboolean
read_string (SlJsonScan  *scan,
             GString     *out,
             GError     **error)
{
  gsize run;

  if (!expect (scan, '"', error))
    return FALSE;

  run = scan->pos;
  while (scan->pos < scan->length)
    {
      guchar c = (guchar) scan->text[scan->pos];

      if (c == '"' || c == '\\')
        {
          if (out != NULL)
            g_string_append_len (out, scan->text + run, (gssize) (scan->pos - run));
          scan->pos++;
          if (c == '"')
            return TRUE;
          if (!read_escape (scan, out, error))
            return FALSE;
          run = scan->pos;
        }
      else if (c < 0x20)
        return fail (scan, error, "a control character in a string");
      else
        scan->pos++;
    }

  return fail (scan, error, "an unterminated string");
}

static gboolean
read_digits (SlJsonScan *scan)
{
  gsize start = scan->pos;

  while (scan->pos < scan->length && g_ascii_isdigit (scan->text[scan->pos]))
    scan->pos++;
  return scan->pos > start;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; *@integer whether it
 * had neither fraction nor exponent. */
static gboolean
read_number (SlJsonScan  *scan,
             gboolean    *integer,
             GError     **error)
{
  const char *t = scan->text;

  *integer = TRUE;
  if (scan->pos < scan->length && t[scan->pos] == '-')
    scan->pos++;
  if (scan->pos < scan->length && t[scan->pos] == '0')
    scan->pos++;
  else if (!read_digits (scan))
    return fail (scan, error, "a bad number");

  if (scan->pos < scan->length && t[scan->pos] == '.')
    {
      scan->pos++;
      *integer = FALSE;
      if (!read_digits (scan))
        return fail (scan, error, "a bad number");
    }
  if (scan->pos < scan->length && (t[scan->pos] == 'e' || t[scan->pos] == 'E'))
    {
      scan->pos++;
      *integer = FALSE;
      if (scan->pos < scan->length && (t[scan->pos] == '+' || t[scan->pos] == '-'))
        scan->pos++;
      if (!read_digits (scan))
        return fail (scan, error, "a bad number");
    }

  return TRUE;
}

static gboolean
read_literal (SlJsonScan  *scan,
              const char  *word,
              GError     **error)
{
  gsize length = strlen (word);

  if (scan->pos + length > scan->length ||
      memcmp (scan->text + scan->pos, word, length) != 0)
    return fail (scan, error, "expected a value");
  scan->pos += length;
  return TRUE;
}

/* Whether @name is new in the object being read; it is then noted. */
static gboolean
is_new_name (SlJsonScan *scan,
             GString    *name)
{
  GHashTable **names = &scan->names[scan->depth];

  if (*names == NULL)
    *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  else if (g_hash_table_contains (*names, name->str))
    return FALSE;
  g_hash_table_add (*names, g_strndup (name->str, name->len));
  return TRUE;
}

/* A member's name and the colon; decoded into @name when set. */
static gboolean
read_member_name (SlJsonScan  *scan,
                  GString     *name,
                  const char **raw_name,
                  gsize       *raw_length,
                  GError     **error)
{
  gsize start;

  if (sl_json_scan_peek (scan) != '"')
    return fail (scan, error, "expected a member name");
  start = scan->pos + 1;
  if (name == NULL)
    {
      if (scan->name == NULL)
        scan->name = g_string_new (NULL);
      name = scan->name;
      g_string_truncate (name, 0);
    }
  if (!read_string (scan, name, error))
    return FALSE;
  if (!is_new_name (scan, name))
    {
      scan->pos = start - 1;
      return fail (scan, error, "a member named twice");
    }

  if (raw_name != NULL)
    {
      *raw_name = scan->text + start;
      *raw_length = scan->pos - 1 - start;
    }
  return expect (scan, ':', error);
}

gboolean
sl_json_scan_next_member (SlJsonScan  *scan,
                          GString     *name,
                          const char **raw_name,
                          gsize       *raw_length,
                          gboolean    *done,
                          GError     **error)
{
  if (!next_item (scan, '}', done, error))
    return FALSE;
  if (*done)
    return TRUE;

  g_string_truncate (name, 0);
  return read_member_name (scan, name, raw_name, raw_length, error);
}

gboolean
sl_json_scan_next_element (SlJsonScan  *scan,
                           gboolean    *done,
                           GError     **error)
{
  return next_item (scan, ']', done, error);
}

static gboolean
skip_container (SlJsonScan  *scan,
                char         open,
                GError     **error)
{
  char close = open == '{' ? '}' : ']';
  gboolean done = FALSE;

  if (!sl_json_scan_enter (scan, open, error))
    return FALSE;

  for (;;)
    {
      if (!next_item (scan, close, &done, error))
        return FALSE;
      if (done)
        return TRUE;
      if (open == '{' && !read_member_name (scan, NULL, NULL, NULL, error))
        return FALSE;
      if (!sl_json_scan_skip (scan, error))
        return FALSE;
    }
}

gboolean
sl_json_scan_skip (SlJsonScan  *scan,
                   GError     **error)
{
  gboolean integer;

  switch (sl_json_scan_peek (scan))
    {
    case '{':
    case '[':
      return skip_container (scan, scan->text[scan->pos], error);
    case '"':
      return read_string (scan, NULL, error);
    case 't':
      return read_literal (scan, "true", error);
    case 'f':
      return read_literal (scan, "false", error);
    case 'n':
      return read_literal (scan, "null", error);
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (scan, &integer, error);
    default:
      return fail (scan, error, "expected a value");
    }
}

gboolean
sl_json_scan_copy (SlJsonScan  *scan,
                   GString     *out,
                   GError     **error)
{
  gsize start, run;
  gboolean in_string = FALSE;

  skip_space (scan);
  start = scan->pos;
  if (!sl_json_scan_skip (scan, error))
    return FALSE;

  /* Valid JSON now: drop whitespace outside strings. */
  run = start;
  for (gsize i = start; i < scan->pos; i++)
    {
      char c = scan->text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (is_space (c))
        {
          g_string_append_len (out, scan->text + run, (gssize) (i - run));
          run = i + 1;
        }
    }
  g_string_append_len (out, scan->text + run, (gssize) (scan->pos - run));
  return TRUE;
}

gboolean
sl_json_scan_string (SlJsonScan  *scan,
                     GString     *out,
                     GError     **error)
{
  g_string_truncate (out, 0);
  if (sl_json_scan_peek (scan) != '"')
    return fail (scan, error, "expected a string");
  return read_string (scan, out, error);
}

gboolean
sl_json_scan_boolean (SlJsonScan  *scan,
                      gboolean    *out,
                      GError     **error)
{
  char c = sl_json_scan_peek (scan);

  *out = c == 't';
  if (c != 't' && c != 'f')
    return fail (scan, error, "expected true or false");
  return read_literal (scan, *out ? "true" : "false", error);
}

gboolean
sl_json_scan_int (SlJsonScan  *scan,
                  gint64      *out,
                  GError     **error)
{
  char c = sl_json_scan_peek (scan);
  gsize start = scan->pos;
  gboolean integer;
  char digits[24];

  if (c != '-' && !g_ascii_isdigit (c))
    return fail (scan, error, "expected an integer");
  if (!read_number (scan, &integer, error))
    return FALSE;
  if (!integer || scan->pos - start >= sizeof digits)
    return fail (scan, error, "expected an integer");

  memcpy (digits, scan->text + start, scan->pos - start);
  digits[scan->pos - start] = '\0';
  if (!g_ascii_string_to_signed (digits, 10, G_MININT64, G_MAXINT64, out, NULL))
    return fail (scan, error, "an integer out of range");
  return TRUE;
}
