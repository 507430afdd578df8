/* sl-chart-data.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-chart-data.h"

SlChartValue *
sl_chart_values_new (gsize n)
{
  return g_new0 (SlChartValue, n);
}

void
sl_chart_values_free (SlChartValue *values,
                      gsize         n)
{
  for (gsize i = 0; values != NULL && i < n; i++)
    g_free (values[i].text);
  g_free (values);
}

void
sl_chart_value_set (SlChartValue *value,
                    gboolean      defined,
                    double        number,
                    const char   *text)
{
  value->defined = defined;
  value->value = defined ? number : 0;
  g_free (value->text);
  value->text = g_strdup (text != NULL ? text : "");
}

void
sl_chart_labels_reset (GPtrArray *labels,
                       guint      n)
{
  g_ptr_array_set_size (labels, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, g_strdup (""));
}

void
sl_chart_labels_set (GPtrArray  *labels,
                     guint       i,
                     const char *text)
{
  g_return_if_fail (i < labels->len);

  g_free (labels->pdata[i]);
  labels->pdata[i] = g_strdup (text != NULL ? text : "");
}
