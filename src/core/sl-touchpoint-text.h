/* sl-touchpoint-text.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-import.h"

G_BEGIN_DECLS

/* A deal's touchpoints as a funnel export writes them in one cell:
 * "CHANNEL@DATE" or "CHANNEL/CAMPAIGN@DATE" entries separated by ';'
 * ("Search@2025-03-01; Email/Spring@2025-03-04"), the dates in the
 * file's date order. Empty entries are skipped. */
typedef struct
{
  SlDay   day;
  char   *channel;
  char   *campaign;     /* NULL: none named */
  gint64  channel_id;   /* for the caller: 0 as parsed */
  gint64  campaign_id;
} SlTouchpointText;

/* An array of SlTouchpointText that frees their strings. */
GArray   *sl_touchpoint_text_array_new (void);
/* Appends the touchpoints of @text to @touchpoints in the order written.
 * Fails with SL_IMPORT_ERROR_BAD_ROW quoting the entry at fault (the
 * array then holds the entries before it). */
gboolean  sl_touchpoint_text_parse     (const char   *text,
                                        SlDateOrder   order,
                                        GArray       *touchpoints,
                                        GError      **error);

G_END_DECLS
