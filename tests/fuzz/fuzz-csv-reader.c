/* fuzz-csv-reader.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: reads every record of the input as a CSV file of
 * detected encoding and delimiter. Seeds are in corpus/csv/.
 */

#include "config.h"

#include <string.h>

#include "sl-csv-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SlCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_record = FALSE;
  guint64 last_line = 0;

  stream = g_memory_input_stream_new_from_data (data, size, NULL);
  reader = sl_csv_reader_new (stream, "fuzz.csv", SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  /* Both ways of naming a column in errors: by header, by position. */
  sl_csv_reader_set_has_header (reader, size % 2 == 0);

  while (sl_csv_reader_next (reader, &has_record, NULL, &error) && has_record)
    {
      guint n_fields = sl_csv_reader_get_n_fields (reader);

      /* Records come in order of their lines, with at least one field
       * of valid UTF-8 without control characters but tab, CR and LF. */
      g_assert_cmpuint (sl_csv_reader_get_line (reader), >, last_line);
      last_line = sl_csv_reader_get_line (reader);
      g_assert_cmpuint (n_fields, >, 0);
      for (guint i = 0; i < n_fields; i++)
        {
          const char *field = sl_csv_reader_get_field (reader, i);

          g_assert_nonnull (field);
          g_assert_true (g_utf8_validate (field, -1, NULL));
          g_assert_cmpuint (strlen (field), <=, SL_CSV_MAX_RECORD);
        }
      g_assert_null (sl_csv_reader_get_field (reader, n_fields));
    }

  if (error != NULL)
    {
      g_assert_true (error->domain == SL_CSV_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  g_assert_cmpuint (sl_csv_reader_get_bytes_read (reader), <=, size);
  return 0;
}
