/* sl-sparkline.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A tiny trend line for a KPI card: points left to right (right to left
 * in RTL locales), gaps where a value is undefined, the last point
 * emphasised. */

#define SL_TYPE_SPARKLINE (sl_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (SlSparkline, sl_sparkline, SL, SPARKLINE, GtkWidget)

GtkWidget *sl_sparkline_new        (void);
/* @values[i] is drawn when @defined[i]; @n may be 0. */
void       sl_sparkline_set_values (SlSparkline      *self,
                                    const double     *values,
                                    const gboolean   *defined,
                                    guint             n);
guint      sl_sparkline_get_n_values (SlSparkline    *self);
/* For tests: where point @i is drawn; FALSE for an undefined one. */
gboolean   sl_sparkline_get_point  (SlSparkline      *self,
                                    guint             i,
                                    graphene_point_t *out);

G_END_DECLS
