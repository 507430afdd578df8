/* sl-realloc-line-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-realloc-line.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_REALLOC_LINE_STORE (sl_realloc_line_store_get_type ())
G_DECLARE_FINAL_TYPE (SlReallocLineStore, sl_realloc_line_store, SL, REALLOC_LINE_STORE, SlStore)

/* The lines of one plan (@plan_id 0: of every plan), in order. */
SlReallocLineStore *sl_realloc_line_store_new         (SlDatabase         *db,
                                                       gint64              plan_id);
gint64              sl_realloc_line_store_get_plan_id (SlReallocLineStore *self);
/* The record with @id, or NULL (transfer none). */
SlReallocLine      *sl_realloc_line_store_lookup      (SlReallocLineStore *self,
                                                       gint64              id);

G_END_DECLS
