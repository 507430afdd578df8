/* sl-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-database.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_STORE (sl_store_get_type ())
G_DECLARE_DERIVABLE_TYPE (SlStore, sl_store, SL, STORE, GObject)

/* A GListModel of the SlRecords of a query. Reloading keeps the object of
 * every row that is still there (updating its properties in place) and
 * emits one items-changed for what moved, so views follow edits cheaply. */
struct _SlStoreClass
{
  GObjectClass parent_class;

  /* The tables whose changes affect this store. */
  const char * const *tables;

  /* The query of the rows, in order, and how a row becomes a record.
   * bind() sets the query's parameters, if it has any. */
  const char *select_sql;
  SlRecord *(*new_from_row) (sqlite3_stmt *stmt);
  void      (*bind)         (SlStore      *self,
                             sqlite3_stmt *stmt);
};

SlDatabase *sl_store_get_database (SlStore    *self);
gboolean    sl_store_reload       (SlStore    *self,
                                   GError    **error);
gboolean    sl_store_watches      (SlStore    *self,
                                   const char *table);
/* The record with @id, or NULL (transfer none). */
SlRecord   *sl_store_find         (SlStore    *self,
                                   gint64      id);

G_END_DECLS
