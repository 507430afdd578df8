/* sl-attribution.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"
#include "sl-period.h"

G_BEGIN_DECLS

/* How a won deal's revenue is credited to the marketing touches that
 * led to it. docs/attribution.md gives each formula and edge case. */
typedef enum
{
  SL_ATTRIBUTION_FIRST_TOUCH,     /* all to the first touch */
  SL_ATTRIBUTION_LAST_TOUCH,      /* all to the last touch */
  SL_ATTRIBUTION_LINEAR,          /* equal shares */
  SL_ATTRIBUTION_POSITION_BASED,  /* 40 % first, 40 % last, 20 % over the middle */
  SL_ATTRIBUTION_TIME_DECAY,      /* 2^(−days before the win ÷ 7) */
} SlAttributionModel;

#define SL_ATTRIBUTION_N_MODELS (SL_ATTRIBUTION_TIME_DECAY + 1)

/* Time decay halves a touch's weight every this many days. */
#define SL_ATTRIBUTION_HALF_LIFE_DAYS 7

/* What sl_attribution_run() returns: see sl-attribution-result.h. */
typedef struct _SlAttributionResult SlAttributionResult;

/* "first-touch", "last-touch", "linear", "position-based", "time-decay". */
const char          *sl_attribution_model_to_string   (SlAttributionModel   model);
gboolean             sl_attribution_model_from_string (const char          *text,
                                                       SlAttributionModel  *out);
/* The model's name for people, translated: "Position-based". */
const char          *sl_attribution_model_get_label   (SlAttributionModel   model);

/* The weights of @n_touches touches (@n_touches ≥ 1) in their order,
 * first touch first, under @model. Only time decay reads @days (the
 * touches' days) and @conversion_day (the day the deal was won); the
 * other models take NULL. Weights are relative integers: only their
 * ratios matter. Time decay computes 2^(−d ÷ 7), d being the days from
 * the touch to @conversion_day (a touch after it counts as on it), in
 * fixed point relative to the most recent touch, from a table of seven
 * constants: no libm, the same bits on every machine. */
void                 sl_attribution_model_weights     (SlAttributionModel   model,
                                                       const SlDay         *days,
                                                       guint                n_touches,
                                                       SlDay                conversion_day,
                                                       guint64             *weights);

/* Splits @amount into @n shares proportional to @weights, exactly: the
 * shares add up to @amount to the minor unit. Each share is first the
 * floor of |amount| × weight ÷ total; the units left over (fewer than
 * @n) go one each to the largest remainders, the earlier index first
 * among equal remainders. A negative @amount is split as its magnitude
 * and every share negated. A touch of weight 0 gets 0. Returns FALSE,
 * leaving @shares untouched, when every weight is 0. */
gboolean             sl_attribution_apportion         (gint64               amount,
                                                       const guint64       *weights,
                                                       guint                n,
                                                       gint64              *shares);

/* Credits the revenue (and the known gross profit) of the deals won in
 * @period under @model, per channel and per campaign. With @channel_id
 * not 0, only that channel's credit is kept (every deal is still split
 * over all its touches). */
SlAttributionResult *sl_attribution_run               (SlDatabase          *db,
                                                       SlAttributionModel   model,
                                                       const SlPeriod      *period,
                                                       gint64               channel_id,
                                                       GError             **error);

G_END_DECLS
