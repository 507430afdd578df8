/* sl-sql.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-database.h"
#include "sl-period.h"

G_BEGIN_DECLS

/* Values of the generic commands travel as JSON nodes: integers, strings,
 * booleans or null; never doubles (money is an integer of minor units). */
gboolean  sl_sql_bind_json        (sqlite3_stmt  *stmt,
                                   int            index,
                                   JsonNode      *value,
                                   GError       **error);
JsonNode *sl_sql_column_json      (sqlite3_stmt  *stmt,
                                   int            column);
/* The value as history text: NULL for null, decimal for integers. */
char     *sl_sql_json_to_text     (JsonNode      *value);

/* A day, or NULL for SL_DAY_INVALID; an id, or NULL for 0 and below. */
void      sl_sql_bind_day         (sqlite3_stmt  *stmt,
                                   int            index,
                                   SlDay          day);
void      sl_sql_bind_id          (sqlite3_stmt  *stmt,
                                   int            index,
                                   gint64         id);

/* The tables the command layer may edit (imports own the others). */
gboolean  sl_sql_table_is_editable (const char   *table);
/* Whether @column is a column of @table, from the schema itself; the
 * only way an identifier reaches SQL text. */
gboolean  sl_sql_check_column     (SlDatabase    *db,
                                   const char    *table,
                                   const char    *column,
                                   GError       **error);

G_END_DECLS
