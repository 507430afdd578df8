/* test-csv-reader.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sl-csv-reader.h"
#include "sl-test-utils.h"

/* The reader's chunk size, to put things across chunk boundaries. */
#define CHUNK (64 * 1024)

static SlCsvReader *
reader_new_for_bytes (GBytes        *bytes,
                      SlCsvEncoding  encoding,
                      char           delimiter)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return sl_csv_reader_new (stream, "test.csv", encoding, delimiter);
}

static SlCsvReader *
reader_new_for_data (const char    *data,
                     gssize         length,
                     SlCsvEncoding  encoding,
                     char           delimiter)
{
  g_autoptr(GBytes) bytes = NULL;

  if (length < 0)
    length = strlen (data);
  bytes = g_bytes_new (data, length);
  return reader_new_for_bytes (bytes, encoding, delimiter);
}

static SlCsvReader *
reader_new_for_path (const char    *path,
                     SlCsvEncoding  encoding,
                     char           delimiter)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);

  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  return sl_csv_reader_new (G_INPUT_STREAM (stream), name, encoding, delimiter);
}

/* A file of tests/data/csv/. */
static SlCsvReader *
reader_new_for_corpus (const char    *name,
                       SlCsvEncoding  encoding,
                       char           delimiter)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);

  return reader_new_for_path (path, encoding, delimiter);
}

/* A file of the shared data sets, or NULL (the test is skipped) if
 * they are not there. */
static char *
shared_data_path (const char *relative)
{
  const char *dir = g_getenv ("SHARED_DATA_DIR");
  g_autofree char *parent = NULL;
  g_autofree char *path = NULL;

  if (dir != NULL)
    {
      path = g_build_filename (dir, relative, NULL);
    }
  else
    {
      parent = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
      path = g_build_filename (parent, "..", "shared", "data", relative, NULL);
    }

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf ("%s is missing", path);

      g_test_skip (message);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static guint64
file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size;
}

/* The current record's fields joined with '|'. */
static char *
join_fields (SlCsvReader *reader)
{
  GString *joined = g_string_new (NULL);
  guint n_fields = sl_csv_reader_get_n_fields (reader);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (joined, '|');
      g_string_append (joined, sl_csv_reader_get_field (reader, i));
    }
  g_assert_null (sl_csv_reader_get_field (reader, n_fields));
  return g_string_free (joined, FALSE);
}

static void
assert_record (SlCsvReader *reader,
               guint64      line,
               const char  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  gboolean has_record = FALSE;

  g_assert_true (sl_csv_reader_next (reader, &has_record, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (has_record);
  joined = join_fields (reader);
  g_assert_cmpstr (joined, ==, expected);
  g_assert_cmpuint (sl_csv_reader_get_line (reader), ==, line);
}

static void
assert_end (SlCsvReader *reader)
{
  g_autoptr(GError) error = NULL;
  gboolean has_record = TRUE;

  g_assert_true (sl_csv_reader_next (reader, &has_record, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (has_record);
  g_assert_cmpuint (sl_csv_reader_get_n_fields (reader), ==, 0);
  g_assert_null (sl_csv_reader_get_field (reader, 0));
}

/* Reads on until an error, which must be @code and mention @needle;
 * the next call fails the same way. Returns the records read before. */
static guint
assert_error (SlCsvReader *reader,
              GQuark       domain,
              int          code,
              const char  *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  gboolean has_record = FALSE;
  guint n = 0;

  while (sl_csv_reader_next (reader, &has_record, NULL, &error) && has_record)
    n++;
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
  g_assert_false (has_record);
  g_assert_cmpuint (sl_csv_reader_get_n_fields (reader), ==, 0);

  g_assert_false (sl_csv_reader_next (reader, &has_record, NULL, &again));
  g_assert_error (again, domain, code);
  g_assert_cmpstr (again->message, ==, error->message);
  return n;
}

static void
assert_csv_error (SlCsvReader *reader,
                  SlCsvError   code,
                  const char  *needle)
{
  assert_error (reader, SL_CSV_ERROR, code, needle);
}

/* Reads every record; returns how many, each with @n_fields fields
 * unless it is 0. */
static guint64
count_records (SlCsvReader *reader,
               guint        n_fields)
{
  g_autoptr(GError) error = NULL;
  gboolean has_record;
  guint64 n = 0;

  while (sl_csv_reader_next (reader, &has_record, NULL, &error) && has_record)
    {
      if (n_fields != 0)
        g_assert_cmpuint (sl_csv_reader_get_n_fields (reader), ==, n_fields);
      n++;
    }
  g_assert_no_error (error);
  return n;
}

static GBytes *
encode (const char *utf8,
        const char *charset,
        const char *bom)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  GByteArray *bytes = g_byte_array_new ();
  gsize length = 0;

  converted = g_convert (utf8, -1, charset, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *)bom, strlen (bom));
  g_byte_array_append (bytes, (const guint8 *)converted, length);
  return g_byte_array_free_to_bytes (bytes);
}

static void
test_csv_simple (void)
{
  g_autoptr(SlCsvReader) reader = reader_new_for_corpus ("simple.csv", SL_CSV_ENCODING_AUTO,
                                                         SL_CSV_DELIMITER_DETECT);

  g_assert_cmpstr (sl_csv_reader_get_name (reader), ==, "simple.csv");
  g_assert_cmpuint (sl_csv_reader_get_n_fields (reader), ==, 0);
  g_assert_null (sl_csv_reader_get_field (reader, 0));
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (reader), ==, 0);

  assert_record (reader, 1, "date|channel|spend");
  g_assert_cmpint (sl_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_cmpint (sl_csv_reader_get_encoding (reader), ==, SL_CSV_ENCODING_UTF8);
  g_assert_cmpuint (sl_csv_reader_get_n_fields (reader), ==, 3);
  assert_record (reader, 2, "2025-03-01|Search|10.00");
  assert_record (reader, 3, "2025-03-02|Social|20.50");
  assert_end (reader);
  assert_end (reader);
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (reader), ==, 67);
}

static void
test_csv_detect (void)
{
  g_autoptr(SlCsvReader) semicolon = NULL;
  g_autoptr(SlCsvReader) tab = NULL;
  g_autoptr(SlCsvReader) mixed = NULL;
  g_autoptr(SlCsvReader) one = NULL;
  g_autoptr(SlCsvReader) quoted = NULL;

  semicolon = reader_new_for_corpus ("semicolon-decimal-comma.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (semicolon, 1, "datum|kanal|betrag");
  g_assert_cmpint (sl_csv_reader_get_delimiter (semicolon), ==, ';');
  assert_record (semicolon, 2, "01.03.2025|Suche|1.234,56");
  assert_record (semicolon, 3, "02.03.2025|Soziale; Medien|20,50");
  assert_end (semicolon);

  tab = reader_new_for_corpus ("tab-separated.tsv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (tab, 1, "date|channel|spend");
  g_assert_cmpint (sl_csv_reader_get_delimiter (tab), ==, '\t');
  assert_record (tab, 2, "2025-03-01|Search, brand|10.00");
  assert_end (tab);

  /* Two semicolons beat one comma on the header; the comma is data. */
  mixed = reader_new_for_corpus ("mixed-delimiters.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (mixed, 1, "date|channel,campaign|spend");
  g_assert_cmpint (sl_csv_reader_get_delimiter (mixed), ==, ';');
  assert_record (mixed, 2, "2025-03-01|Search,Brand|10.00");
  assert_end (mixed);

  /* No candidate on the header: one column. */
  one = reader_new_for_data ("\n\nname\nSearch\nSocial;Video\n", -1, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (one, 3, "name");
  g_assert_cmpint (sl_csv_reader_get_delimiter (one), ==, ',');
  assert_record (one, 4, "Search");
  assert_record (one, 5, "Social;Video");
  assert_end (one);

  /* Delimiters inside quotes do not count, even across lines. */
  quoted = reader_new_for_data ("\"a,b,c\n,d\";e;f\n1;2;3\n", -1, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (quoted, 1, "a,b,c\n,d|e|f");
  g_assert_cmpint (sl_csv_reader_get_delimiter (quoted), ==, ';');
  assert_record (quoted, 3, "1|2|3");
  assert_end (quoted);
}

static void
test_csv_delimiter_override (void)
{
  g_autoptr(SlCsvReader) comma = NULL;
  g_autoptr(SlCsvReader) semicolon = NULL;
  g_autoptr(SlCsvReader) pipe = NULL;

  comma = reader_new_for_corpus ("semicolon-decimal-comma.csv", SL_CSV_ENCODING_AUTO, ',');
  g_assert_cmpint (sl_csv_reader_get_delimiter (comma), ==, ',');
  assert_record (comma, 1, "datum;kanal;betrag");
  assert_record (comma, 2, "01.03.2025;Suche;1.234|56");
  assert_record (comma, 3, "02.03.2025;\"Soziale; Medien\";20|50");
  assert_end (comma);

  semicolon = reader_new_for_corpus ("simple.csv", SL_CSV_ENCODING_AUTO, ';');
  assert_record (semicolon, 1, "date,channel,spend");
  g_assert_cmpint (sl_csv_reader_get_delimiter (semicolon), ==, ';');

  pipe = reader_new_for_data ("a:b,c\n", -1, SL_CSV_ENCODING_AUTO, ':');
  assert_record (pipe, 1, "a|b,c");
  assert_end (pipe);
}

static void
test_csv_quoted (void)
{
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(SlCsvReader) empty = NULL;

  reader = reader_new_for_corpus ("embedded-newlines.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (reader, 1, "id|note|spend");
  assert_record (reader, 2, "1|first line\nsecond line|10");
  assert_record (reader, 4, "2|crlf\r\ninside|20");
  assert_record (reader, 6, "3|a \"quoted\" word, and a comma|30");
  assert_record (reader, 7, "4|plain|40");
  assert_end (reader);

  /* Empty quoted fields, a quoted field last, a quoted CR. */
  empty = reader_new_for_data ("\"\",\"\"\r\"x\"\r\"a\rb\",\"\"\"\"\r\"z\"", -1,
                               SL_CSV_ENCODING_AUTO, ',');
  assert_record (empty, 1, "|");
  assert_record (empty, 2, "x");
  assert_record (empty, 3, "a\rb|\"");
  assert_record (empty, 5, "z");
  assert_end (empty);
}

static void
test_csv_quote_in_unquoted (void)
{
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(SlCsvReader) spaced = NULL;

  reader = reader_new_for_corpus ("quote-in-unquoted.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (reader, 1, "name|size");
  assert_record (reader, 2, "ab\"c|12\" screen");
  assert_end (reader);

  /* A quote after a blank does not open a quoted field. */
  spaced = reader_new_for_data ("a, \"b,c\"\n", -1, SL_CSV_ENCODING_AUTO, ',');
  assert_record (spaced, 1, "a| \"b|c\"");
  assert_end (spaced);
}

static void
test_csv_line_endings (void)
{
  static const char * const files[] = { "crlf.csv", "cr-only.csv", "no-final-newline.csv" };
  g_autoptr(SlCsvReader) mixed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(SlCsvReader) reader = reader_new_for_corpus (files[i], SL_CSV_ENCODING_AUTO,
                                                             SL_CSV_DELIMITER_DETECT);

      g_test_message ("%s", files[i]);
      assert_record (reader, 1, "a|b");
      assert_record (reader, 2, "1|2");
      assert_record (reader, 3, "3|4");
      assert_end (reader);
    }

  /* LF CR is two line breaks, CR LF one. */
  mixed = reader_new_for_data ("a\r\nb\rc\n\rd\n\r\ne", -1, SL_CSV_ENCODING_AUTO, ',');
  assert_record (mixed, 1, "a");
  assert_record (mixed, 2, "b");
  assert_record (mixed, 3, "c");
  assert_record (mixed, 5, "d");
  assert_record (mixed, 7, "e");
  assert_end (mixed);
}

static void
test_csv_blank_lines (void)
{
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(SlCsvReader) spaces = NULL;

  reader = reader_new_for_corpus ("blank-lines.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (reader, 3, "a|b");
  assert_record (reader, 5, "|");
  assert_record (reader, 7, "1|2");
  assert_end (reader);

  /* Only empty lines are blank: spaces are a field. */
  spaces = reader_new_for_data ("a,b\n  \n,,\n", -1, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (spaces, 1, "a|b");
  assert_record (spaces, 2, "  ");
  assert_record (spaces, 3, "||");
  assert_end (spaces);
}

static void
test_csv_bom_utf8 (void)
{
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(SlCsvReader) declared = NULL;

  reader = reader_new_for_corpus ("bom-utf8.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (reader, 1, "ad_id|spend");
  g_assert_cmpstr (sl_csv_reader_get_field (reader, 0), ==, "ad_id");
  g_assert_cmpint (sl_csv_reader_get_encoding (reader), ==, SL_CSV_ENCODING_UTF8);
  assert_record (reader, 2, "1|2.50");
  assert_end (reader);
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (reader), ==, 24);

  /* A declared UTF-8 file loses its BOM too. */
  declared = reader_new_for_corpus ("bom-utf8.csv", SL_CSV_ENCODING_UTF8, ',');
  assert_record (declared, 1, "ad_id|spend");
}

static const char utf16_text[] =
  "name,price\r\n"
  "Café,€ 5\r\n"
  "\"Emoji 😀, 𝄞\",\"two\r\nlines\"\r\n"
  "end,";

static void
assert_utf16_records (SlCsvReader *reader)
{
  assert_record (reader, 1, "name|price");
  assert_record (reader, 2, "Café|€ 5");
  assert_record (reader, 3, "Emoji 😀, 𝄞|two\r\nlines");
  assert_record (reader, 5, "end|");
  assert_end (reader);
}

static void
test_csv_utf16 (void)
{
  g_autoptr(GBytes) le = encode (utf16_text, "UTF-16LE", "\xFF\xFE");
  g_autoptr(GBytes) be = encode (utf16_text, "UTF-16BE", "\xFE\xFF");
  g_autoptr(GBytes) bare = encode (utf16_text, "UTF-16LE", "");
  g_autoptr(SlCsvReader) le_reader = reader_new_for_bytes (le, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  g_autoptr(SlCsvReader) be_reader = reader_new_for_bytes (be, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  g_autoptr(SlCsvReader) declared = reader_new_for_bytes (le, SL_CSV_ENCODING_UTF16LE, SL_CSV_DELIMITER_DETECT);
  g_autoptr(SlCsvReader) bare_reader = reader_new_for_bytes (bare, SL_CSV_ENCODING_UTF16LE, ',');
  g_autoptr(SlCsvReader) undeclared = reader_new_for_bytes (bare, SL_CSV_ENCODING_AUTO, ',');

  assert_utf16_records (le_reader);
  g_assert_cmpint (sl_csv_reader_get_encoding (le_reader), ==, SL_CSV_ENCODING_UTF16LE);
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (le_reader), ==, g_bytes_get_size (le));

  assert_utf16_records (be_reader);
  g_assert_cmpint (sl_csv_reader_get_encoding (be_reader), ==, SL_CSV_ENCODING_UTF16BE);

  /* Declared, with or without a BOM. */
  assert_utf16_records (declared);
  assert_utf16_records (bare_reader);

  /* Without a BOM, UTF-16 is not detected: its zero bytes are binary. */
  assert_csv_error (undeclared, SL_CSV_ERROR_BINARY, "test.csv:1: column 1: contains binary data (NUL byte)");
}

/* A surrogate pair, and CR LF, at every position around the first
 * chunk boundary. */
static void
test_csv_utf16_chunk_boundary (void)
{
  for (guint big = 0; big < 2; big++)
    {
      for (guint n = 32760; n <= 32770; n++)
        {
          g_autofree char *filler = g_strnfill (n, 'x');
          g_autofree char *text = g_strconcat ("name\r\n", filler, "😀\r\nend\r\n", NULL);
          g_autofree char *expected = g_strconcat (filler, "😀", NULL);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(SlCsvReader) reader = NULL;

          bytes = encode (text, big ? "UTF-16BE" : "UTF-16LE", big ? "\xFE\xFF" : "\xFF\xFE");
          reader = reader_new_for_bytes (bytes, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
          assert_record (reader, 1, "name");
          assert_record (reader, 2, expected);
          assert_record (reader, 3, "end");
          assert_end (reader);
          g_assert_cmpuint (sl_csv_reader_get_bytes_read (reader), ==, g_bytes_get_size (bytes));
        }
    }
}

static void
test_csv_utf8_chunk_boundary (void)
{
  for (guint pad = 0; pad < 8; pad++)
    {
      /* "😀" and the CR LF after it move over the boundary. */
      g_autofree char *filler = g_strnfill (CHUNK - 6 - 3 + pad, 'y');
      g_autofree char *text = g_strconcat ("h\r\n", filler, "😀\r\nlast\r\n", NULL);
      g_autofree char *expected = g_strconcat (filler, "😀", NULL);
      /* A CR LF inside quotes moves over it. */
      g_autofree char *quoted_filler = g_strnfill (CHUNK - 4 - 4 + pad, 'q');
      g_autofree char *quoted = g_strconcat ("h\r\n\"", quoted_filler, "\r\nz\"\r\nlast", NULL);
      g_autofree char *quoted_expected = g_strconcat (quoted_filler, "\r\nz", NULL);
      g_autoptr(SlCsvReader) reader = reader_new_for_data (text, -1, SL_CSV_ENCODING_AUTO, ',');
      g_autoptr(SlCsvReader) quoted_reader = reader_new_for_data (quoted, -1, SL_CSV_ENCODING_AUTO, ',');

      assert_record (reader, 1, "h");
      assert_record (reader, 2, expected);
      assert_record (reader, 3, "last");
      assert_end (reader);

      assert_record (quoted_reader, 1, "h");
      assert_record (quoted_reader, 2, quoted_expected);
      assert_record (quoted_reader, 4, "last");
      assert_end (quoted_reader);
    }
}

static void
test_csv_utf16_invalid (void)
{
  /* A lone low surrogate on line 2, a lone high one on line 3, an odd
   * byte at the end. */
  static const char lone_low[] = "\xFF\xFE" "a\0\n\0b\0\x00\xDC\n\0";
  static const char lone_high[] = "\xFE\xFF" "\0a\0\n\0b\0\n\xD8\x3D\0c";
  static const char odd[] = "\xFF\xFE" "a\0\n\0b";
  g_autoptr(SlCsvReader) low_reader = reader_new_for_data (lone_low, sizeof lone_low - 1,
                                                           SL_CSV_ENCODING_AUTO, ',');
  g_autoptr(SlCsvReader) high_reader = reader_new_for_data (lone_high, sizeof lone_high - 1,
                                                            SL_CSV_ENCODING_AUTO, ',');
  g_autoptr(SlCsvReader) odd_reader = reader_new_for_data (odd, sizeof odd - 1,
                                                           SL_CSV_ENCODING_AUTO, ',');

  assert_record (low_reader, 1, "a");
  assert_csv_error (low_reader, SL_CSV_ERROR_ENCODING, "test.csv:2: column 1: the text is not valid UTF-16LE");
  assert_record (high_reader, 1, "a");
  assert_record (high_reader, 2, "b");
  assert_csv_error (high_reader, SL_CSV_ERROR_ENCODING, "test.csv:3: column 1: the text is not valid UTF-16BE");
  assert_record (odd_reader, 1, "a");
  assert_csv_error (odd_reader, SL_CSV_ERROR_ENCODING, "test.csv:2:");
}

static void
test_csv_windows_1252 (void)
{
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(SlCsvReader) as_utf8 = NULL;
  g_autoptr(SlCsvReader) undefined = NULL;

  reader = reader_new_for_corpus ("cp1252.csv", SL_CSV_ENCODING_WINDOWS_1252, SL_CSV_DELIMITER_DETECT);
  assert_record (reader, 1, "name|price|note");
  assert_record (reader, 2, "Café|€ 5|“quoted”");
  assert_end (reader);
  g_assert_cmpint (sl_csv_reader_get_encoding (reader), ==, SL_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (reader), ==, 36);

  /* Windows-1252 cannot be detected: read as UTF-8 it is invalid. */
  as_utf8 = reader_new_for_corpus ("cp1252.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (as_utf8, 1, "name|price|note");
  assert_csv_error (as_utf8, SL_CSV_ERROR_ENCODING, "cp1252.csv:2: column 1: the text is not valid UTF-8");

  undefined = reader_new_for_data ("a\r\nb\x81\r\n", -1, SL_CSV_ENCODING_WINDOWS_1252, ',');
  assert_record (undefined, 1, "a");
  assert_csv_error (undefined, SL_CSV_ERROR_ENCODING, "test.csv:2: column 1: the text is not valid Windows-1252");
}

/* Every byte from 0x80 decodes as iconv's WINDOWS-1252 does. */
static void
test_csv_windows_1252_table (void)
{
  for (guint byte = 0x80; byte <= 0xFF; byte++)
    {
      char data[2] = { (char)byte, '\n' };
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_convert (data, 1, "UTF-8", "WINDOWS-1252", NULL, NULL, &error);
      g_autoptr(SlCsvReader) reader = reader_new_for_data (data, 2, SL_CSV_ENCODING_WINDOWS_1252, ',');

      g_test_message ("byte 0x%02X", byte);
      if (expected != NULL)
        {
          assert_record (reader, 1, expected);
          assert_end (reader);
        }
      else
        {
          assert_csv_error (reader, SL_CSV_ERROR_ENCODING, "test.csv:1:");
        }
    }
}

static void
test_csv_invalid_utf8 (void)
{
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(SlCsvReader) spanning = NULL;
  g_autoptr(SlCsvReader) truncated = NULL;

  reader = reader_new_for_corpus ("invalid-utf8.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (reader, 1, "name|spend");
  assert_record (reader, 2, "Search|10");
  assert_csv_error (reader, SL_CSV_ERROR_ENCODING, "invalid-utf8.csv:3: column 1: the text is not valid UTF-8");

  /* On the third line of a record that starts on line 2. */
  spanning = reader_new_for_data ("a,b\n1,\"x\r\ny\n\xC3\x28\",2\n", -1, SL_CSV_ENCODING_AUTO, ',');
  assert_record (spanning, 1, "a|b");
  assert_csv_error (spanning, SL_CSV_ERROR_ENCODING, "test.csv:4: column 2:");

  /* A sequence cut short by the end of the file. */
  truncated = reader_new_for_data ("a\n\xE2\x82", -1, SL_CSV_ENCODING_UTF8, ',');
  assert_record (truncated, 1, "a");
  assert_csv_error (truncated, SL_CSV_ERROR_ENCODING, "test.csv:2: column 1:");
}

static void
test_csv_binary (void)
{
  g_autoptr(SlCsvReader) nul = NULL;
  g_autoptr(SlCsvReader) control = NULL;
  g_autoptr(SlCsvReader) png = NULL;
  g_autoptr(SlCsvReader) gzip = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_record;

  nul = reader_new_for_corpus ("nul.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_csv_error (nul, SL_CSV_ERROR_BINARY,
                    "nul.csv:3: column 1: contains binary data (NUL byte) — is this a CSV file?");

  control = reader_new_for_corpus ("control-char.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_csv_error (control, SL_CSV_ERROR_BINARY, "control-char.csv:2: column 2: contains binary data (control character 0x1B)");

  /* Errors come in the order of the file: a PNG's first line is not
   * UTF-8, its second line has a control character. */
  png = reader_new_for_corpus ("png-header.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_csv_error (png, SL_CSV_ERROR_ENCODING, "png-header.csv:1: column 1:");

  gzip = reader_new_for_data ("\x1F\x8B\x08\x00\xA5\x3C\xF1\x65\x00\x03", 10, SL_CSV_ENCODING_AUTO,
                              SL_CSV_DELIMITER_DETECT);
  g_assert_false (sl_csv_reader_next (gzip, &has_record, NULL, &error));
  g_assert_true (g_error_matches (error, SL_CSV_ERROR, SL_CSV_ERROR_BINARY) ||
                 g_error_matches (error, SL_CSV_ERROR, SL_CSV_ERROR_ENCODING));
}

/* Past the first chunk, binary data is found as the records come. */
static void
test_csv_binary_late (void)
{
  g_autoptr(GString) data = g_string_new ("name,note\n");
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(SlCsvReader) quoted = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (data, "row,\"a, b\"\n");
  g_string_append_len (data, "bad,x\0y\n", 8);
  reader = reader_new_for_data (data->str, data->len, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  g_assert_cmpuint (assert_error (reader, SL_CSV_ERROR, SL_CSV_ERROR_BINARY, "test.csv:20002: column 2: contains binary data (NUL byte)"),
                    ==, 20001);

  g_string_truncate (data, data->len - 8);
  g_string_append (data, "bad,\"x\ny\x07\"\n");
  quoted = reader_new_for_data (data->str, data->len, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  sl_csv_reader_set_has_header (quoted, TRUE);
  g_assert_cmpuint (assert_error (quoted, SL_CSV_ERROR, SL_CSV_ERROR_BINARY, "test.csv:20003: column “note”: contains binary data (control character 0x07)"),
                    ==, 20001);
}

/* "test.csv:LINE: column …: " for every way of finding the column: by
 * position, and by the header's name when the first record is one. */
typedef struct
{
  const char    *data;
  gsize          length;       /* 0: strlen (data) */
  SlCsvEncoding  encoding;
  char           delimiter;
  SlCsvError     code;
  const char    *by_position;
  const char    *by_header;    /* with sl_csv_reader_set_has_header() */
} ColumnCase;

static const ColumnCase column_cases[] = {
  /* Unquoted, quoted with delimiters and CR LF inside, after the closing quote. */
  { "a,b,c\n1,2,x\0y\n", 14, SL_CSV_ENCODING_AUTO, ',', SL_CSV_ERROR_BINARY,
    "test.csv:2: column 3: contains binary data (NUL byte)",
    "test.csv:2: column “c”: contains binary data (NUL byte)" },
  { "h1,h2,h3\r\n\"a,b\",\"x,\r\ny\x07\",z\r\n", 0, SL_CSV_ENCODING_AUTO, ',', SL_CSV_ERROR_BINARY,
    "test.csv:3: column 2: contains binary data (control character 0x07)",
    "test.csv:3: column “h2”: contains binary data (control character 0x07)" },
  { "a,b\r\n1,\"x\"\x01\r\n", 0, SL_CSV_ENCODING_AUTO, ',', SL_CSV_ERROR_BINARY,
    "test.csv:2: column 2: contains binary data (control character 0x01)",
    "test.csv:2: column “b”: contains" },
  /* The file's delimiter counts, the others are text. */
  { "a;b;c\n1,1;2,2;x\x1B\n", 0, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT, SL_CSV_ERROR_BINARY,
    "test.csv:2: column 3: contains binary data (control character 0x1B)", "test.csv:2: column “c”:" },
  { "a\tb\n1,2,3\t\xFF\n", 0, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT, SL_CSV_ERROR_ENCODING,
    "test.csv:2: column 2: the text is not valid UTF-8; choose the file’s encoding",
    "test.csv:2: column “b”: the text is not valid UTF-8; choose the file’s encoding" },
  { "a,b,c\n1,\"2,\xC3\x28\",3\n", 0, SL_CSV_ENCODING_UTF8, ',', SL_CSV_ERROR_ENCODING,
    "test.csv:2: column 2: the text is not valid UTF-8", "test.csv:2: column “b”: the text" },
  /* Whitespace-separated: in a field, or starting the next one. */
  { "a  b  c\n1  2  \x01\n", 0, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_WHITESPACE, SL_CSV_ERROR_BINARY,
    "test.csv:2: column 3: contains", "test.csv:2: column “c”: contains" },
  { "a  b  c\n 1 2\x01\n", 0, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_WHITESPACE, SL_CSV_ERROR_BINARY,
    "test.csv:2: column 2: contains", "test.csv:2: column “b”: contains" },
  { "a  b\n1  \xFF\n", 0, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_WHITESPACE, SL_CSV_ERROR_ENCODING,
    "test.csv:2: column 2: the text", "test.csv:2: column “b”: the text" },
  /* Decoding stops at the bad byte: the column is where the scan stops. */
  { "a,b,c\n1,2,\x81\n", 0, SL_CSV_ENCODING_WINDOWS_1252, ',', SL_CSV_ERROR_ENCODING,
    "test.csv:2: column 3: the text is not valid Windows-1252",
    "test.csv:2: column “c”: the text is not valid Windows-1252" },
  { "a,b\n\"x,y\r\nz\x81\",2\n", 0, SL_CSV_ENCODING_WINDOWS_1252, ',', SL_CSV_ERROR_ENCODING,
    "test.csv:3: column 1: the text", "test.csv:3: column “a”: the text" },
  { "a  b\n1  \x81\n", 0, SL_CSV_ENCODING_WINDOWS_1252, SL_CSV_DELIMITER_WHITESPACE, SL_CSV_ERROR_ENCODING,
    "test.csv:2: column 2: the text", "test.csv:2: column “b”: the text" },
  { "a\0,\0b\0,\0c\0\n\0" "1\0,\0\"\0x\0,\0\x00\xDC", 24, SL_CSV_ENCODING_UTF16LE, ',', SL_CSV_ERROR_ENCODING,
    "test.csv:2: column 2: the text is not valid UTF-16LE",
    "test.csv:2: column “b”: the text is not valid UTF-16LE" },
  /* Quotes: text after the closing one; one never closed, named on the
   * line where its field starts. */
  { "name,spend\n\"Search\"x,10\n", 0, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT, SL_CSV_ERROR_BAD_QUOTE,
    "test.csv:2: column 1: text follows the closing quote",
    "test.csv:2: column “name”: text follows the closing quote" },
  { "name,note\nSearch,ok\nSocial,\"starts here\nand runs\n", 0, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT,
    SL_CSV_ERROR_UNTERMINATED_QUOTE,
    "test.csv:3: column 2: a quoted field starts here and is never closed",
    "test.csv:3: column “note”: a quoted field starts here and is never closed" },
  /* Past the header's last column, under a blank header, in the header
   * itself: by position. Headers are stripped, long ones cut. */
  { "a,b\n1,2,\x02\n", 0, SL_CSV_ENCODING_AUTO, ',', SL_CSV_ERROR_BINARY,
    "test.csv:2: column 3:", "test.csv:2: column 3:" },
  { " a , ,c\n1\x02,2,3\n4,\x02,6\n", 0, SL_CSV_ENCODING_AUTO, ',', SL_CSV_ERROR_BINARY,
    "test.csv:2: column 1:", "test.csv:2: column “a”:" },
  { " a , ,c\n4,\x02,6\n", 0, SL_CSV_ENCODING_AUTO, ',', SL_CSV_ERROR_BINARY,
    "test.csv:2: column 2:", "test.csv:2: column 2:" },
  { "a,b\x02\n1,2\n", 0, SL_CSV_ENCODING_AUTO, ',', SL_CSV_ERROR_BINARY,
    "test.csv:1: column 2:", "test.csv:1: column 2:" },
  { "x,\"a long header that goes on for more than forty characters\"\n1,\x02\n", 0,
    SL_CSV_ENCODING_AUTO, ',', SL_CSV_ERROR_BINARY,
    "test.csv:2: column 2:", "test.csv:2: column “a long header that goes on for more tha…”:" },
};

static void
test_csv_error_column (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_cases); i++)
    {
      const ColumnCase *c = &column_cases[i];
      gsize length = c->length != 0 ? c->length : strlen (c->data);

      for (guint with_header = 0; with_header < 2; with_header++)
        {
          g_autoptr(SlCsvReader) reader = reader_new_for_data (c->data, length, c->encoding, c->delimiter);

          g_test_message ("case %u, %s", i, with_header ? "with a header" : "without");
          if (with_header)
            sl_csv_reader_set_has_header (reader, TRUE);
          assert_csv_error (reader, c->code, with_header ? c->by_header : c->by_position);
        }
    }
}

static void
test_csv_empty (void)
{
  static const char * const files[] = { "empty.csv", "bom-only.csv" };
  static const char * const blank[] = { "\n", "\r\n\r\n", "\xEF\xBB\xBF\n\r", "\xFF\xFE", "\xFE\xFF\0\n" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(SlCsvReader) reader = reader_new_for_corpus (files[i], SL_CSV_ENCODING_AUTO,
                                                             SL_CSV_DELIMITER_DETECT);
      g_autofree char *needle = g_strdup_printf ("%s: the file is empty", files[i]);

      assert_csv_error (reader, SL_CSV_ERROR_EMPTY, needle);
    }

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      gsize length = i == 4 ? 4 : strlen (blank[i]);
      g_autoptr(SlCsvReader) reader = reader_new_for_data (blank[i], length, SL_CSV_ENCODING_AUTO,
                                                           SL_CSV_DELIMITER_DETECT);

      assert_csv_error (reader, SL_CSV_ERROR_EMPTY, "test.csv: the file is empty");
    }
}

static void
test_csv_unterminated (void)
{
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(SlCsvReader) closing = NULL;

  reader = reader_new_for_corpus ("unterminated.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (reader, 1, "name|note");
  assert_record (reader, 2, "Search|ok");
  assert_csv_error (reader, SL_CSV_ERROR_UNTERMINATED_QUOTE,
                    "unterminated.csv:3: column 2: a quoted field starts here and is never closed");

  /* An escaped quote at the end does not close the field. */
  closing = reader_new_for_data ("a\n\n\"x\"\"", -1, SL_CSV_ENCODING_AUTO, ',');
  assert_record (closing, 1, "a");
  assert_csv_error (closing, SL_CSV_ERROR_UNTERMINATED_QUOTE, "test.csv:3:");
}

static void
test_csv_bad_quote (void)
{
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(SlCsvReader) spanning = NULL;

  reader = reader_new_for_corpus ("bad-quote.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (reader, 1, "name|spend");
  assert_csv_error (reader, SL_CSV_ERROR_BAD_QUOTE, "bad-quote.csv:2: column 1: text follows the closing quote");

  /* Named on the line of the closing quote. */
  spanning = reader_new_for_data ("a,\"b\nc\" ,d\n", -1, SL_CSV_ENCODING_AUTO, ',');
  assert_csv_error (spanning, SL_CSV_ERROR_BAD_QUOTE, "test.csv:2: column 2:");
}

static void
write_long_line_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *block = g_strnfill (CHUNK, 'A');

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (out), "date,channel,spend\n2025-03-01,", 30, NULL, NULL, &error);
  g_assert_no_error (error);
  /* 10 MiB on line 2. */
  for (guint i = 0; i < 160; i++)
    {
      g_output_stream_write_all (G_OUTPUT_STREAM (out), block, CHUNK, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_output_stream_write_all (G_OUTPUT_STREAM (out), ",1.00\n", 6, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);
}

static void
test_csv_too_long (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "long.csv", NULL);
  g_autoptr(SlCsvReader) reader = NULL;

  write_long_line_file (path);
  reader = reader_new_for_path (path, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (reader, 1, "date|channel|spend");
  assert_csv_error (reader, SL_CSV_ERROR_TOO_LONG, "long.csv:2: a record is longer than 1 MiB");
  /* It stopped soon after the limit instead of reading the line. */
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (reader), <=, SL_CSV_MAX_RECORD + 2 * CHUNK);

  sl_test_remove_tree (dir);
}

/* A record of exactly SL_CSV_MAX_RECORD bytes is fine, one more is not. */
static void
test_csv_too_long_limit (void)
{
  for (guint extra = 0; extra < 2; extra++)
    {
      gsize length = SL_CSV_MAX_RECORD + extra;
      g_autofree char *data = g_malloc (length + 4);
      g_autoptr(SlCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      gboolean has_record = FALSE;

      memcpy (data, "a\n", 2);
      memset (data + 2, 'x', length);
      /* "x…x,y": the comma counts. */
      data[2 + length - 2] = ',';
      memcpy (data + 2 + length, "\nb", 2);
      reader = reader_new_for_data (data, length + 4, SL_CSV_ENCODING_AUTO, ',');
      assert_record (reader, 1, "a");
      if (extra == 0)
        {
          g_assert_true (sl_csv_reader_next (reader, &has_record, NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (sl_csv_reader_get_n_fields (reader), ==, 2);
          g_assert_cmpuint (strlen (sl_csv_reader_get_field (reader, 0)), ==, length - 2);
          assert_record (reader, 3, "b");
        }
      else
        {
          assert_csv_error (reader, SL_CSV_ERROR_TOO_LONG, "test.csv:2:");
        }
    }
}

static void
test_csv_whitespace (void)
{
  g_autoptr(SlCsvReader) corpus = NULL;
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(SlCsvReader) all = NULL;
  g_autofree char *path = shared_data_path ("cdnow/CDNOW_master.txt");

  corpus = reader_new_for_corpus ("whitespace.txt", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_WHITESPACE);
  assert_record (corpus, 1, "id|date|amount");
  g_assert_cmpint (sl_csv_reader_get_delimiter (corpus), ==, SL_CSV_DELIMITER_WHITESPACE);
  assert_record (corpus, 2, "00001|19970101|11.77");
  assert_record (corpus, 4, "00002|19970112|\"12.00\"");
  assert_end (corpus);

  if (path == NULL)
    return;
  reader = reader_new_for_path (path, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_WHITESPACE);
  assert_record (reader, 1, "customer_id|date|number_of_cds|dollar_value");
  assert_record (reader, 2, "00001|19970101|1|11.77");
  assert_record (reader, 3, "00002|19970112|1|12.00");

  all = reader_new_for_path (path, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_WHITESPACE);
  g_assert_cmpuint (count_records (all, 4), ==, 69660);
  g_assert_cmpuint (sl_csv_reader_get_line (all), ==, 69660);
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (all), ==, file_size (path));
}

static void
test_csv_real_facebook (void)
{
  g_autofree char *kag_path = shared_data_path ("facebook-ads/KAG_conversion_data.csv");
  g_autofree char *campaign_path = NULL;
  g_autoptr(SlCsvReader) kag = NULL;
  g_autoptr(SlCsvReader) campaign = NULL;

  if (kag_path == NULL)
    return;
  kag = reader_new_for_path (kag_path, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (kag, 1, "ad_id|xyz_campaign_id|fb_campaign_id|age|gender|interest|"
                         "Impressions|Clicks|Spent|Total_Conversion|Approved_Conversion");
  g_assert_cmpstr (sl_csv_reader_get_field (kag, 0), ==, "ad_id");
  assert_record (kag, 2, "708746|916|103916|30-34|M|15|7350|1|1.429999948|2|1");
  g_assert_cmpuint (count_records (kag, 11), ==, 1142);
  g_assert_cmpuint (sl_csv_reader_get_line (kag), ==, 1144);
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (kag), ==, file_size (kag_path));

  campaign_path = shared_data_path ("facebook-ad-campaign/data.csv");
  if (campaign_path == NULL)
    return;
  campaign = reader_new_for_path (campaign_path, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  g_assert_cmpuint (count_records (campaign, 15), ==, 1144);
  g_assert_cmpuint (sl_csv_reader_get_line (campaign), ==, 1144);
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (campaign), ==, file_size (campaign_path));
}

static void
test_csv_real_olist (void)
{
  g_autofree char *mql_path = shared_data_path ("olist-funnel/olist_marketing_qualified_leads_dataset.csv");
  g_autofree char *deals_path = NULL;
  g_autoptr(SlCsvReader) mql = NULL;
  g_autoptr(SlCsvReader) deals = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_record;
  guint n = 0, n_quoted = 0;

  if (mql_path == NULL)
    return;
  mql = reader_new_for_path (mql_path, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (mql, 1, "mql_id|first_contact_date|landing_page_id|origin");
  g_assert_cmpuint (count_records (mql, 4), ==, 8000);
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (mql), ==, file_size (mql_path));

  deals_path = shared_data_path ("olist-funnel/olist_closed_deals_dataset.csv");
  if (deals_path == NULL)
    return;
  deals = reader_new_for_path (deals_path, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  while (sl_csv_reader_next (deals, &has_record, NULL, &error) && has_record)
    {
      g_assert_cmpuint (sl_csv_reader_get_n_fields (deals), ==, 14);
      if (strchr (sl_csv_reader_get_field (deals, 7), ',') != NULL)
        n_quoted++;
      if (sl_csv_reader_get_line (deals) == 72)
        g_assert_cmpstr (sl_csv_reader_get_field (deals, 7), ==, "cat, wolf");
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 843);
  g_assert_cmpuint (n_quoted, ==, 16);
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (deals), ==, file_size (deals_path));
}

static void
test_csv_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) data = g_string_new ("a,b\n");
  g_autoptr(SlCsvReader) early = NULL;
  g_autoptr(SlCsvReader) late = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  gboolean has_record = TRUE;
  guint n = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append (data, "1,2\n");

  g_cancellable_cancel (cancellable);
  early = reader_new_for_data (data->str, data->len, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  g_assert_false (sl_csv_reader_next (early, &has_record, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (has_record);
  g_clear_error (&error);

  /* Cancelled after the first chunk: the next chunk is not read. */
  g_cancellable_reset (cancellable);
  late = reader_new_for_data (data->str, data->len, SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  assert_record (late, 1, "a|b");
  g_cancellable_cancel (cancellable);
  while (sl_csv_reader_next (late, &has_record, cancellable, &error) && has_record)
    n++;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n, ==, CHUNK / 4 - 1);
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (late), ==, CHUNK);
  g_assert_false (sl_csv_reader_next (late, &has_record, NULL, &again));
  g_assert_error (again, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_csv_encoding_names (void)
{
  static const struct
  {
    const char    *text;
    SlCsvEncoding  encoding;
  } names[] = {
    { "auto", SL_CSV_ENCODING_AUTO },
    { "UTF-8", SL_CSV_ENCODING_UTF8 },
    { "utf8", SL_CSV_ENCODING_UTF8 },
    { "utf-16le", SL_CSV_ENCODING_UTF16LE },
    { "UTF-16BE", SL_CSV_ENCODING_UTF16BE },
    { "Windows-1252", SL_CSV_ENCODING_WINDOWS_1252 },
    { "cp1252", SL_CSV_ENCODING_WINDOWS_1252 },
  };
  SlCsvEncoding encoding;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      encoding = SL_CSV_ENCODING_AUTO;
      if (names[i].encoding == SL_CSV_ENCODING_AUTO)
        encoding = SL_CSV_ENCODING_UTF8;
      g_assert_true (sl_csv_encoding_from_string (names[i].text, &encoding));
      g_assert_cmpint (encoding, ==, names[i].encoding);
    }

  for (SlCsvEncoding e = SL_CSV_ENCODING_AUTO; e <= SL_CSV_ENCODING_WINDOWS_1252; e++)
    {
      g_assert_true (sl_csv_encoding_from_string (sl_csv_encoding_to_string (e), &encoding));
      g_assert_cmpint (encoding, ==, e);
    }
  g_assert_cmpstr (sl_csv_encoding_to_string (SL_CSV_ENCODING_UTF16LE), ==, "utf-16le");

  encoding = SL_CSV_ENCODING_UTF16BE;
  g_assert_false (sl_csv_encoding_from_string ("latin-9", &encoding));
  g_assert_false (sl_csv_encoding_from_string ("", &encoding));
  g_assert_cmpint (encoding, ==, SL_CSV_ENCODING_UTF16BE);
}

/* Fields written by sl_csv_append_field() read back as they were. */
static void
test_csv_append_field (void)
{
  static const char * const fields[] = { "plain", "a, b", "say \"hi\"", "two\r\nlines", "", "วิทยุ" };
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(SlCsvReader) reader = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    sl_csv_append_field (line, fields[i]);
  g_assert_cmpstr (line->str, ==, "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\r\nlines\",,วิทยุ");
  g_string_append (line, "\r\n");
  reader = reader_new_for_data (line->str, line->len, SL_CSV_ENCODING_UTF8, ',');
  assert_record (reader, 1, "plain|a, b|say \"hi\"|two\r\nlines||วิทยุ");
  assert_end (reader);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("The streaming CSV reader: RFC 4180, encodings, delimiters, malformed files");

  g_test_add_func ("/core/csv/simple", test_csv_simple);
  g_test_add_func ("/core/csv/append-field", test_csv_append_field);
  g_test_add_func ("/core/csv/detect", test_csv_detect);
  g_test_add_func ("/core/csv/delimiter-override", test_csv_delimiter_override);
  g_test_add_func ("/core/csv/quoted", test_csv_quoted);
  g_test_add_func ("/core/csv/quote-in-unquoted", test_csv_quote_in_unquoted);
  g_test_add_func ("/core/csv/line-endings", test_csv_line_endings);
  g_test_add_func ("/core/csv/blank-lines", test_csv_blank_lines);
  g_test_add_func ("/core/csv/bom-utf8", test_csv_bom_utf8);
  g_test_add_func ("/core/csv/utf16", test_csv_utf16);
  g_test_add_func ("/core/csv/utf16/chunk-boundary", test_csv_utf16_chunk_boundary);
  g_test_add_func ("/core/csv/utf16/invalid", test_csv_utf16_invalid);
  g_test_add_func ("/core/csv/utf8/chunk-boundary", test_csv_utf8_chunk_boundary);
  g_test_add_func ("/core/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/core/csv/windows-1252/table", test_csv_windows_1252_table);
  g_test_add_func ("/core/csv/errors/invalid-utf8", test_csv_invalid_utf8);
  g_test_add_func ("/core/csv/errors/binary", test_csv_binary);
  g_test_add_func ("/core/csv/errors/binary-late", test_csv_binary_late);
  g_test_add_func ("/core/csv/errors/column", test_csv_error_column);
  g_test_add_func ("/core/csv/errors/empty", test_csv_empty);
  g_test_add_func ("/core/csv/errors/unterminated", test_csv_unterminated);
  g_test_add_func ("/core/csv/errors/bad-quote", test_csv_bad_quote);
  g_test_add_func ("/core/csv/errors/too-long", test_csv_too_long);
  g_test_add_func ("/core/csv/errors/too-long-limit", test_csv_too_long_limit);
  g_test_add_func ("/core/csv/whitespace", test_csv_whitespace);
  g_test_add_func ("/core/csv/real/facebook", test_csv_real_facebook);
  g_test_add_func ("/core/csv/real/olist", test_csv_real_olist);
  g_test_add_func ("/core/csv/cancel", test_csv_cancel);
  g_test_add_func ("/core/csv/encoding-names", test_csv_encoding_names);

  return g_test_run ();
}
