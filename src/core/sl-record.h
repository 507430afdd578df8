/* sl-record.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SL_TYPE_RECORD (sl_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (SlRecord, sl_record, SL, RECORD, GObject)

/* A row of a workspace table as a GObject: its id and uuid, and the
 * properties of the subclass. Stores keep one object per row and update
 * it in place, so views bound to its properties follow edits. */
struct _SlRecordClass
{
  GObjectClass parent_class;
};

gint64      sl_record_get_id   (SlRecord *self);
const char *sl_record_get_uuid (SlRecord *self);

/* Copies every readable, writable property that differs from @other
 * into @self, notifying only those. Both must be of the same type. */
void        sl_record_update_from (SlRecord *self,
                                   SlRecord *other);

/* Helpers for subclasses reading a row. */
char       *sl_record_column_text (sqlite3_stmt *stmt,
                                   int           column);
gint64      sl_record_column_id   (sqlite3_stmt *stmt,
                                   int           column);

G_END_DECLS
