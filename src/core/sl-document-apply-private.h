/* sl-document-apply-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL helpers of writing a document to its rows, shared by
 * sl-document-apply.c (values, names to ids) and sl-document-apply-item.c
 * (the item, its lines, tombstones and newer schemas).
 */

#pragma once

#include "sl-document-private.h"

G_BEGIN_DECLS

typedef enum { BIND_NULL, BIND_INT, BIND_TEXT } BindType;

/* A column and the value it gets. */
typedef struct
{
  const char *column;
  BindType    type;
  gint64      number;
  const char *text;   /* owned by the document */
} Bind;

typedef struct
{
  SlDatabase *db;
  SlDocument *doc;
  const char *doc_id;
  char       *currency;  /* the workspace's */
  gint64      item_id;
} Apply;

void      sl_apply_add_bind            (GArray             *binds,
                                        const char         *column,
                                        BindType            type,
                                        gint64              number,
                                        const char         *text);
/* Binds @binds to ?first, ?first+1… */
void      sl_apply_bind_all            (sqlite3_stmt       *stmt,
                                        GArray             *binds,
                                        int                 first);
/* Runs @sql with @text as ?1 and @number as ?2; *id is its first column. */
gboolean  sl_apply_query_id            (Apply              *a,
                                        const char         *sql,
                                        const char         *text,
                                        gint64              number,
                                        gint64             *id,
                                        gboolean           *found,
                                        GError            **error);
/* Runs a write with @binds as ?1…; errors name the document. */
gboolean  sl_apply_run                 (Apply              *a,
                                        const char         *sql,
                                        GArray             *binds,
                                        GError            **error);
/* The columns and values of @row's fields, channels and campaigns made
 * when missing, goals and plans found by uuid. */
gboolean  sl_apply_add_fields          (Apply              *a,
                                        const char         *prefix,
                                        const SlFieldSpec  *fields,
                                        guint               n_fields,
                                        SlFieldRow         *row,
                                        GArray             *binds,
                                        GError            **error);
/* "INSERT INTO @table (c1, c2…) VALUES (?1, ?2…)" */
GString  *sl_apply_insert_sql          (const char         *table,
                                        GArray             *binds);
/* "c1 = excluded.c1, …" or "c1 = ?1, …" for the binds from @first on. */
void      sl_apply_append_assignments  (GString            *sql,
                                        GArray             *binds,
                                        guint               first,
                                        gboolean            excluded);

G_END_DECLS
