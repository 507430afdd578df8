/* sl-funnel-join.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-date-text.h"
#include "sl-funnel-join.h"

enum { JOIN_ID, JOIN_WON, JOIN_LOST, JOIN_OWNER, N_JOIN_COLUMNS };

static const char * const column_names[N_JOIN_COLUMNS] = { "id", "won", "lost", "owner" };

/* A row as read: the dates stay text until the file's date order is known. */
typedef struct
{
  SlFunnelJoinRow  row;
  char            *texts[2];  /* won, lost */
} Row;

struct _SlFunnelJoin
{
  char       *name;
  GPtrArray  *rows;    /* Row, in file order */
  GHashTable *by_id;   /* id → Row */
};

static void
row_free (Row *row)
{
  g_free (row->row.id);
  g_free (row->row.owner);
  g_free (row->texts[0]);
  g_free (row->texts[1]);
  g_free (row);
}

void
sl_funnel_join_free (SlFunnelJoin *join)
{
  if (join == NULL)
    return;
  g_free (join->name);
  g_clear_pointer (&join->by_id, g_hash_table_unref);
  g_clear_pointer (&join->rows, g_ptr_array_unref);
  g_free (join);
}

const char *
sl_funnel_join_get_name (SlFunnelJoin *join)
{
  return join->name;
}

SlFunnelJoinRow *
sl_funnel_join_lookup (SlFunnelJoin *join,
                       const char   *id)
{
  Row *row = g_hash_table_lookup (join->by_id, id);

  return row != NULL ? &row->row : NULL;
}

SlFunnelJoinRow *
sl_funnel_join_first_unused (SlFunnelJoin *join)
{
  for (guint i = 0; i < join->rows->len; i++)
    {
      Row *row = g_ptr_array_index (join->rows, i);

      if (!row->row.used)
        return &row->row;
    }
  return NULL;
}

char *
sl_funnel_join_normalize (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static int
find_column (SlCsvReader *reader,
             const char  *names)
{
  g_auto(GStrv) wanted = g_strsplit (names, "|", -1);

  for (guint n = 0; wanted[n] != NULL; n++)
    {
      g_autofree char *want = sl_funnel_join_normalize (wanted[n]);

      for (guint c = 0; *want != '\0' && c < sl_csv_reader_get_n_fields (reader); c++)
        {
          g_autofree char *have = sl_funnel_join_normalize (sl_csv_reader_get_field (reader, c));

          if (g_str_equal (want, have))
            return c;
        }
    }
  return -1;
}

static gboolean
map_header (SlFunnelJoin  *join,
            SlCsvReader   *reader,
            const char    *columns,
            int            indexes[N_JOIN_COLUMNS],
            GError       **error)
{
  g_auto(GStrv) names = g_strsplit (columns, ";", -1);

  for (guint i = 0; i < N_JOIN_COLUMNS; i++)
    indexes[i] = i < g_strv_length (names) ? find_column (reader, names[i]) : -1;
  if (indexes[JOIN_ID] >= 0)
    return TRUE;
  g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN,
               /* Translators: the first %s is a file name, the second the column names looked for */
               _("%s:1: no column for “id” (looked for: %s)"), join->name, names[0] ? names[0] : "");
  return FALSE;
}

static char *
dup_field (SlCsvReader *reader,
           int          column)
{
  const char *text = column >= 0 ? sl_csv_reader_get_field (reader, column) : NULL;
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gboolean
add_row (SlFunnelJoin  *join,
         SlCsvReader   *reader,
         const int      indexes[N_JOIN_COLUMNS],
         GError       **error)
{
  Row *row = g_new0 (Row, 1), *first;

  row->row.line = sl_csv_reader_get_line (reader);
  row->row.id = dup_field (reader, indexes[JOIN_ID]);
  row->texts[0] = dup_field (reader, indexes[JOIN_WON]);
  row->texts[1] = dup_field (reader, indexes[JOIN_LOST]);
  row->row.owner = dup_field (reader, indexes[JOIN_OWNER]);
  row->row.won = row->row.lost = SL_DAY_INVALID;
  g_ptr_array_add (join->rows, row);

  if (row->row.id == NULL)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                   /* Translators: a file name and a line number */
                   _("%s:%llu: column “id”: the id is empty"), join->name, (unsigned long long)row->row.line);
      return FALSE;
    }
  first = g_hash_table_lookup (join->by_id, row->row.id);
  if (first != NULL)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                   /* Translators: a file name, a line number, an id, then another line number */
                   _("%s:%llu: column “id”: duplicate id “%s” (first on line %llu)"),
                   join->name, (unsigned long long)row->row.line, row->row.id,
                   (unsigned long long)first->row.line);
      return FALSE;
    }
  g_hash_table_insert (join->by_id, row->row.id, row);
  return TRUE;
}

static SlDateOrder
detect_order (SlFunnelJoin *join)
{
  guint mask = ~0u, n_values = 0;

  for (guint i = 0; i < join->rows->len; i++)
    {
      Row *row = g_ptr_array_index (join->rows, i);

      for (guint d = 0; d < 2; d++)
        if (row->texts[d] != NULL && sl_date_text_orders (row->texts[d]) != 0)
          mask &= sl_date_text_orders (row->texts[d]), n_values++;
    }
  return n_values == 0 ? SL_DATE_ORDER_ISO : sl_date_text_pick (mask);
}

static gboolean
parse_dates (SlFunnelJoin  *join,
             SlDateOrder    order,
             GError       **error)
{
  if (order == SL_DATE_ORDER_AUTO)
    order = detect_order (join);
  if (order == SL_DATE_ORDER_AUTO)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_AMBIGUOUS_DATES,
                   /* Translators: %s is a file name */
                   _("%s: the dates could be day/month or month/day; choose the order"), join->name);
      return FALSE;
    }

  for (guint i = 0; i < join->rows->len; i++)
    {
      Row *row = g_ptr_array_index (join->rows, i);
      SlDay *days[2] = { &row->row.won, &row->row.lost };

      for (guint d = 0; d < 2; d++)
        if (row->texts[d] != NULL && !sl_date_text_parse (row->texts[d], order, days[d]))
          {
            g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                         /* Translators: a file name, a line number, a column, what the file
                          * holds, then a date order like “dmy” */
                         _("%s:%llu: column “%s”: “%s” is not a date (%s)"), join->name,
                         (unsigned long long)row->row.line, column_names[JOIN_WON + d],
                         row->texts[d], sl_date_order_to_string (order));
            return FALSE;
          }
      if (row->row.won != SL_DAY_INVALID && row->row.lost != SL_DAY_INVALID)
        {
          g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                       /* Translators: a file name, a line number, then a deal's id */
                       _("%s:%llu: column “lost”: deal “%s” is both won and lost"), join->name,
                       (unsigned long long)row->row.line, row->row.id);
          return FALSE;
        }
    }
  return TRUE;
}

SlFunnelJoin *
sl_funnel_join_read (const char   *path,
                     const char   *columns,
                     SlDateOrder   order,
                     GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlFunnelJoin) join = g_new0 (SlFunnelJoin, 1);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(SlCsvReader) reader = NULL;
  int indexes[N_JOIN_COLUMNS];
  gboolean has_record, ok;

  join->name = g_file_get_basename (file);
  join->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  join->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  reader = sl_csv_reader_new (G_INPUT_STREAM (stream), join->name,
                              SL_CSV_ENCODING_AUTO, SL_CSV_DELIMITER_DETECT);
  sl_csv_reader_set_has_header (reader, TRUE);
  if (!sl_csv_reader_next (reader, &has_record, NULL, error))
    return NULL;
  if (!has_record)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_NO_ROWS,
                   /* Translators: %s is a file name */
                   _("%s: the file is empty"), join->name);
      return NULL;
    }
  if (!map_header (join, reader, columns, indexes, error))
    return NULL;
  while ((ok = sl_csv_reader_next (reader, &has_record, NULL, error)) && has_record)
    if (!add_row (join, reader, indexes, error))
      return NULL;
  if (!ok)
    return NULL;
  if (join->rows->len == 0)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_NO_ROWS,
                   /* Translators: %s is a file name */
                   _("%s: there are no rows under the header"), join->name);
      return NULL;
    }
  if (!parse_dates (join, order, error))
    return NULL;
  return g_steal_pointer (&join);
}
