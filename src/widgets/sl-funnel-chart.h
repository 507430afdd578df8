/* sl-funnel-chart.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A funnel: stages top to bottom, each a centred bar as wide as its
 * volume is against the largest, with its name and volume; between two
 * stages the caller's text (the conversion, the days), in the warning
 * colour when that step leaks. Knows only GTK: callers give volumes and
 * texts. */

#define SL_TYPE_FUNNEL_CHART (sl_funnel_chart_get_type ())
G_DECLARE_FINAL_TYPE (SlFunnelChart, sl_funnel_chart, SL, FUNNEL_CHART, GtkWidget)

GtkWidget *sl_funnel_chart_new             (void);
/* Clears the chart to @n_stages empty stages. */
void       sl_funnel_chart_set_n_stages    (SlFunnelChart   *self,
                                            guint            n_stages);
guint      sl_funnel_chart_get_n_stages    (SlFunnelChart   *self);
void       sl_funnel_chart_set_stage       (SlFunnelChart   *self,
                                            guint            stage,
                                            const char      *name,
                                            double           volume,
                                            const char      *volume_text);
/* The step from @stage to the next: @text under the bar, @tooltip on
 * it; @leaking draws it as a warning. */
void       sl_funnel_chart_set_step        (SlFunnelChart   *self,
                                            guint            stage,
                                            const char      *text,
                                            const char      *tooltip,
                                            gboolean         leaking);

/* For tests: where a stage's bar is drawn, and whether a step leaks. */
gboolean   sl_funnel_chart_get_stage_area  (SlFunnelChart   *self,
                                            guint            stage,
                                            graphene_rect_t *out);
gboolean   sl_funnel_chart_get_step_leaking (SlFunnelChart  *self,
                                             guint           stage);

G_END_DECLS
