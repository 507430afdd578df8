/* sl-key-result-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-key-result.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_KEY_RESULT_STORE (sl_key_result_store_get_type ())
G_DECLARE_FINAL_TYPE (SlKeyResultStore, sl_key_result_store, SL, KEY_RESULT_STORE, SlStore)

/* The key results of one goal (@goal_id 0: of every goal), in order. */
SlKeyResultStore *sl_key_result_store_new         (SlDatabase       *db,
                                                   gint64            goal_id);
gint64            sl_key_result_store_get_goal_id (SlKeyResultStore *self);
/* The record with @id, or NULL (transfer none). */
SlKeyResult      *sl_key_result_store_lookup      (SlKeyResultStore *self,
                                                   gint64            id);

G_END_DECLS
