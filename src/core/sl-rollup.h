/* sl-rollup.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"
#include "sl-period.h"

G_BEGIN_DECLS

/* What one fact adds to its (campaign, day) rollup row. */
typedef struct
{
  gint64 spend_minor;
  gint64 impressions;
  gint64 clicks;
  gint64 conversions;
  gint64 leads;
  gint64 mqls;
  gint64 sqls;
  gint64 opportunities;
  gint64 won;
  gint64 lost;
  gint64 won_minor;
  gint64 won_gross_profit_minor;
} SlRollupDelta;

typedef struct _SlRollup SlRollup;

/* Accumulates deltas in memory during an import, then adds them to
 * rollup_day in the import's transaction. */
SlRollup *sl_rollup_new       (void);
void      sl_rollup_free      (SlRollup            *rollup);
void      sl_rollup_add       (SlRollup            *rollup,
                               gint64               campaign_id,
                               gint64               channel_id,
                               SlDay                day,
                               const SlRollupDelta *delta);
guint     sl_rollup_get_size  (SlRollup            *rollup);
gboolean  sl_rollup_flush     (SlRollup            *rollup,
                               SlDatabase          *db,
                               GError             **error);

/* Takes the facts of @batch_id out of rollup_day, before they are
 * deleted. */
gboolean  sl_rollup_subtract_batch (SlDatabase     *db,
                                    gint64          batch_id,
                                    GError        **error);
/* Removes rows left empty by sl_rollup_subtract_batch(), once the
 * batch's facts are deleted. */
gboolean  sl_rollup_prune     (SlDatabase          *db,
                               GError             **error);
/* Whether rollup_day equals a fresh GROUP BY over the facts; *n_diff is
 * the number of differing rows. */
gboolean  sl_rollup_verify    (SlDatabase          *db,
                               gint64              *n_diff,
                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlRollup, sl_rollup_free)

G_END_DECLS
