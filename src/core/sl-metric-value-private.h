/* sl-metric-value-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metric-value.h"

G_BEGIN_DECLS

#if !defined(__SIZEOF_INT128__)
# error "the metrics need a compiler with __int128"
#endif

typedef __int128 SlInt128;

/* As sl_metric_value_init_fraction(), from 128-bit terms (products of
 * sums): reduced by their gcd, then approximated if still too wide. */
void sl_metric_value_init_fraction128 (SlMetricValue  *value,
                                       SlMetricUnit    unit,
                                       SlInt128        num,
                                       SlInt128        den,
                                       const char     *currency,
                                       SlMetricReason  if_zero);

/* @a ÷ @b as @unit: undefined with @a's or @b's reason when either is,
 * with @if_zero when @b is zero. */
void sl_metric_value_divide           (const SlMetricValue *a,
                                       const SlMetricValue *b,
                                       SlMetricUnit         unit,
                                       SlMetricReason       if_zero,
                                       SlMetricValue       *out);

G_END_DECLS
