/* sl-annotation-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-annotation.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_ANNOTATION_STORE (sl_annotation_store_get_type ())
G_DECLARE_FINAL_TYPE (SlAnnotationStore, sl_annotation_store, SL, ANNOTATION_STORE, SlStore)

/* Every annotation, by first day. */
SlAnnotationStore *sl_annotation_store_new    (SlDatabase        *db);
/* The record with @id, or NULL (transfer none). */
SlAnnotation      *sl_annotation_store_lookup (SlAnnotationStore *self,
                                               gint64             id);

G_END_DECLS
