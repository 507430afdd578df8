/* sl-history.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

/* One change as the history table keeps it: finance asks "who changed
 * this number?" and the answer must survive a restart. */
typedef struct
{
  gint64  id;
  gint64  at;          /* µs since the epoch, UTC */
  char   *author;
  char   *action;      /* edit, insert, delete, undo, redo, import */
  char   *label;       /* the command as the user saw it */
  char   *entity;      /* table */
  gint64  entity_id;
  char   *field;
  char   *old_value;   /* NULL: no value (a new row, a NULL column) */
  char   *new_value;
} SlHistoryEntry;

void       sl_history_entry_free (SlHistoryEntry  *entry);

/* Writes one entry; call it inside the transaction of the change. */
gboolean   sl_history_record     (SlDatabase      *db,
                                  const char      *author,
                                  const char      *action,
                                  const char      *label,
                                  const char      *entity,
                                  gint64           entity_id,
                                  const char      *field,
                                  const char      *old_value,
                                  const char      *new_value,
                                  GError         **error);
/* Entries about one row (@entity_id 0: every row of @entity; @entity
 * NULL: everything), newest first, at most @limit (0: all). */
GPtrArray *sl_history_list       (SlDatabase      *db,
                                  const char      *entity,
                                  gint64           entity_id,
                                  guint            limit,
                                  GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlHistoryEntry, sl_history_entry_free)

G_END_DECLS
