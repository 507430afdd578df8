/* sl-view-filter.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-attribution.h"
#include "sl-metrics-totals.h"
#include "sl-period.h"

G_BEGIN_DECLS

/* What the analysis views show: a period, a scope (every channel, one
 * channel or one campaign), how revenue is credited (to the channel of
 * origin, or under an attribution model) and a search text. The window
 * owns one and every view follows it; a change emits ::changed once. */

#define SL_TYPE_VIEW_FILTER (sl_view_filter_get_type ())
G_DECLARE_FINAL_TYPE (SlViewFilter, sl_view_filter, SL, VIEW_FILTER, GObject)

SlViewFilter       *sl_view_filter_new             (const SlPeriod     *period);

const SlPeriod     *sl_view_filter_get_period      (SlViewFilter       *self);
void                sl_view_filter_set_period      (SlViewFilter       *self,
                                                    const SlPeriod     *period);
/* The period of @kind holding @anchor, clamped into the current period
 * (so a fiscal year becomes its month holding @anchor, or its last
 * month when @anchor is past it). SL_PERIOD_CUSTOM keeps the days. */
void                sl_view_filter_set_period_kind (SlViewFilter       *self,
                                                    SlPeriodKind        kind,
                                                    SlDay               anchor);
/* The next (@direction > 0) or previous period of the same kind. */
void                sl_view_filter_step            (SlViewFilter       *self,
                                                    int                 direction);

void                sl_view_filter_get_scope       (SlViewFilter       *self,
                                                    SlScope            *out);
/* @scope's id is a channel or campaign id; SL_SCOPE_WORKSPACE: all. */
void                sl_view_filter_set_scope       (SlViewFilter       *self,
                                                    const SlScope      *scope);

/* FALSE: revenue belongs to the channel a deal came from. */
gboolean            sl_view_filter_get_attributed  (SlViewFilter       *self);
SlAttributionModel  sl_view_filter_get_model       (SlViewFilter       *self);
void                sl_view_filter_set_attribution (SlViewFilter       *self,
                                                    gboolean            attributed,
                                                    SlAttributionModel  model);
/* "origin" or a model's machine name; and back (FALSE if unknown). */
char               *sl_view_filter_dup_attribution_string (SlViewFilter *self);
gboolean            sl_view_filter_set_attribution_string (SlViewFilter *self,
                                                           const char   *text);

/* Never NULL; "" when there is none. */
const char         *sl_view_filter_get_search      (SlViewFilter       *self);
void                sl_view_filter_set_search      (SlViewFilter       *self,
                                                    const char         *search);
/* Whether @text contains the search text, ignoring case and accents
 * (an empty search matches everything). */
gboolean            sl_view_filter_matches         (SlViewFilter       *self,
                                                    const char         *text);

G_END_DECLS
