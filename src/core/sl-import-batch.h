/* sl-import-batch.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

/* One imported file, as import_batch keeps it. */
typedef struct
{
  gint64  id;
  char   *kind;
  char   *file_name;
  char   *sha256;
  char   *mapping;
  char   *author;
  gint64  rows_accepted;
  gint64  rows_rejected;
  gint64  imported_at;   /* µs since the epoch, UTC */
} SlImportBatch;

void       sl_import_batch_free (SlImportBatch  *batch);

/* Every batch, newest first. */
GPtrArray *sl_import_batch_list (SlDatabase     *db,
                                 GError        **error);
/* Removes batch @id whole, in one transaction: its facts, their
 * rollups, and the channels and campaigns it made that nothing else
 * uses. */
gboolean   sl_import_batch_undo (SlDatabase     *db,
                                 gint64          id,
                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlImportBatch, sl_import_batch_free)

G_END_DECLS
