/* sl-chart-data.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the charts are given to show: values, each defined or not, with
 * its text, and the names along their sides. Plain data, kept by the
 * bar chart, the line chart and the heat map. */

typedef struct
{
  gboolean  defined;
  gboolean  warning; /* shown as a warning (the line chart's dots) */
  double    value;   /* 0 when undefined */
  char     *text;    /* defined: the value for people; else the reason */
} SlChartValue;

/* @n values, all undefined and without a text yet. */
SlChartValue *sl_chart_values_new   (gsize          n);
void          sl_chart_values_free  (SlChartValue  *values,
                                     gsize          n);
/* Leaves the warning as it is. */
void          sl_chart_value_set    (SlChartValue  *value,
                                     gboolean       defined,
                                     double         number,
                                     const char    *text);

/* @labels (of strings) made @n empty strings. */
void          sl_chart_labels_reset (GPtrArray     *labels,
                                     guint          n);
/* Label @i set to @text (NULL: empty). */
void          sl_chart_labels_set   (GPtrArray     *labels,
                                     guint          i,
                                     const char    *text);

G_END_DECLS
