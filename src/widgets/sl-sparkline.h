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
 * in RTL locales), gaps where a value is undefined (never drawn as 0),
 * the last point emphasised; each point's label and text (or reason)
 * in its tooltip; Left and Right move a focused point that the
 * accessible description reads. Knows only GTK. */

#define SL_TYPE_SPARKLINE (sl_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (SlSparkline, sl_sparkline, SL, SPARKLINE, GtkWidget)

GtkWidget *sl_sparkline_new        (void);
/* @values[i] is drawn when @defined[i] (and finite); @n may be 0.
 * Clears the points' texts. */
void       sl_sparkline_set_values (SlSparkline      *self,
                                    const double     *values,
                                    const gboolean   *defined,
                                    guint             n);
guint      sl_sparkline_get_n_values (SlSparkline    *self);
/* What people read for point @i: its @label (e.g. "Mar 2025") and
 * @text, the formatted value or, for an undefined one, the reason. */
void       sl_sparkline_set_point_text (SlSparkline  *self,
                                        guint         i,
                                        const char   *label,
                                        const char   *text);
/* "label: text", "label: — (reason)"; NULL without texts. */
char      *sl_sparkline_dup_point_text (SlSparkline  *self,
                                        guint         i);
guint      sl_sparkline_get_focus_point (SlSparkline *self);
void       sl_sparkline_set_focus_point (SlSparkline *self,
                                         guint        i);
/* For tests, from the last allocation: where point @i is drawn; FALSE
 * for an undefined one. */
gboolean   sl_sparkline_get_point  (SlSparkline      *self,
                                    guint             i,
                                    graphene_point_t *out);

G_END_DECLS
