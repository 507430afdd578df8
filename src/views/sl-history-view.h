/* sl-history-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* History: finance's record (sl_audit_list()), newest first: every
 * decision and every change to a budget number, with who made it, when,
 * and what (old → new, or the verdict and its note). It follows the
 * header's period and channel, and has a person filter of its own. */

#define SL_TYPE_HISTORY_VIEW (sl_history_view_get_type ())
G_DECLARE_FINAL_TYPE (SlHistoryView, sl_history_view, SL, HISTORY_VIEW, AdwBin)

void        sl_history_view_set_context (SlHistoryView *self,
                                         SlWorkspace   *workspace,
                                         SlViewFilter  *filter);
/* The lines shown (SlHistoryItem), in order. For tests. */
GListModel *sl_history_view_get_items   (SlHistoryView *self);

G_END_DECLS
