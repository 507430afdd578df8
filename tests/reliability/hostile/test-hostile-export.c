/* test-hostile-export.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Channels named with the hostile strings, exported: the CSV holds every
 * name as it is, except that a name a spreadsheet would run as a formula
 * ("=…", "+…", "-…", "@…") gets an apostrophe in front; the workbook
 * holds them as text cells and has no formula at all. A name longer
 * than a cell may hold (Excel's 32,767 characters) is cut, and the
 * workbook is still written.
 */

#include "config.h"

#include <string.h>

#include "hostile-strings.h"
#include "sl-export.h"
#include "sl-test-utils.h"

static GPtrArray *
import_channels (SlImportFixture *fixture)
{
  g_autoptr(GPtrArray) strings = hostile_strings_new (FALSE);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) csv = g_string_new ("date,channel,spend\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  for (guint i = 0; i < strings->len; i++)
    {
      const HostileString *s = g_ptr_array_index (strings, i);
      const char *row[] = { "2025-05-01", s->text, "10.00" };

      if (!hostile_string_is_plain (s))
        continue;
      hostile_csv_row (csv, row, G_N_ELEMENTS (row));
      g_ptr_array_add (names, g_strstrip (g_strdup (s->text)));
    }
  file = sl_import_fixture_write (fixture, "channels.csv", csv->str, (gssize) csv->len);
  sl_import_options_init (&options, SL_IMPORT_SPEND);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, names->len);
  return names;
}

static char *
export (SlImportFixture *fixture,
        SlExportFormat   format)
{
  g_autofree char *name = g_strconcat ("out.", sl_export_format_get_extension (format), NULL);
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SlExportOptions options;
  SlPeriod period;

  sl_period_init (&period, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 5, 1));
  sl_export_options_init (&options, format, &period);
  options.as_of = sl_day_from_ymd (2025, 6, 1);
  sl_export_run (fixture->path, path, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
is_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@", text[0]) != NULL;
}

static void
test_csv (SlImportFixture *fixture,
          gconstpointer    data)
{
  g_autoptr(GPtrArray) names = import_channels (fixture);
  g_autofree char *path = export (fixture, SL_EXPORT_CSV);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(SlCsvReader) reader = sl_csv_reader_new (G_INPUT_STREAM (stream), "out.csv",
                                                     SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  gboolean has_record = FALSE;
  guint formulas = 0;

  while (sl_csv_reader_next (reader, &has_record, NULL, &error) && has_record)
    for (guint i = 0; i < sl_csv_reader_get_n_fields (reader); i++)
      {
        const char *field = sl_csv_reader_get_field (reader, i);

        /* Nothing in the file starts a formula. */
        if (is_formula (field) && !g_ascii_isdigit (field[1]))
          g_error ("a field of the export is a formula: %s", field);
        g_hash_table_add (fields, g_strdup (field));
      }
  g_assert_no_error (error);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *guarded = g_strconcat ("'", name, NULL);
      g_autofree char *shown = hostile_describe (name);

      if (is_formula (name))
        {
          if (!g_hash_table_contains (fields, guarded))
            g_error ("the export lacks the channel “%s” as text", shown);
          formulas++;
        }
      else if (!g_hash_table_contains (fields, name))
        g_error ("the export lacks the channel “%s”", shown);
    }
  g_assert_cmpuint (formulas, >=, 4);
  g_test_message ("%u channel names exported, %u formulas kept as text", names->len, formulas);
}

static char *
unzip (const char *path,
       const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_xlsx (SlImportFixture *fixture,
           gconstpointer    data)
{
  g_autoptr(GPtrArray) names = import_channels (fixture);
  g_autofree char *path = export (fixture, SL_EXPORT_XLSX);
  g_autofree char *strings = NULL;
  g_autofree char *unzip_path = g_find_program_in_path ("unzip");

  /* build-aux/dev installs it; a missing tool fails, never skips. */
  g_assert_nonnull (unzip_path);
  for (guint sheet = 1; sheet <= SL_EXPORT_N_TABLES; sheet++)
    {
      g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet);
      g_autofree char *xml = unzip (path, member);

      g_assert_nonnull (strstr (xml, "<sheetData"));
      g_assert_null (strstr (xml, "<f>"));
      g_assert_null (strstr (xml, "<f "));
    }
  /* The names are shared strings, the formula-like ones as written. */
  strings = unzip (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, "=HYPERLINK("));
  g_assert_nonnull (strstr (strings, "@SUM(1+1)"));
  g_assert_nonnull (strstr (strings, "\xE0\xB8\x87\xE0\xB8\x9A"));
  if (!hostile_quick ())
    g_assert_nonnull (strstr (strings, "long '; DROP TABLE"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reliability/hostile/export/csv", SlImportFixture, NULL,
              sl_import_fixture_setup, test_csv, sl_import_fixture_teardown);
  g_test_add ("/reliability/hostile/export/xlsx", SlImportFixture, NULL,
              sl_import_fixture_setup, test_xlsx, sl_import_fixture_teardown);

  return g_test_run ();
}
