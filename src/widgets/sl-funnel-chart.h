/* sl-funnel-chart.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A funnel: stages top to bottom (leads, MQLs, SQLs, opportunities,
 * won), each a centred bar as wide as its volume is against the
 * largest (which spans the widget, up to 800 px), with its name, volume and an optional second line (value
 * versus cost). Between two stages, the step: its conversion and median
 * days; an undefined conversion shows "—" with its reason in the
 * tooltip; a leaking step is drawn in the warning colour with the
 * caller's comparison. Up, Down, Home and End move a focused stage or
 * step. Knows only GTK: callers give volumes and formatted texts. */

#define SL_TYPE_FUNNEL_CHART (sl_funnel_chart_get_type ())
G_DECLARE_FINAL_TYPE (SlFunnelChart, sl_funnel_chart, SL, FUNNEL_CHART, GtkWidget)

GtkWidget *sl_funnel_chart_new               (void);
/* The accessible name, e.g. "Funnel, all channels". */
void       sl_funnel_chart_set_title         (SlFunnelChart   *self,
                                              const char      *title);
/* Clears the chart to @n_stages empty stages with no steps. */
void       sl_funnel_chart_set_n_stages      (SlFunnelChart   *self,
                                              guint            n_stages);
guint      sl_funnel_chart_get_n_stages      (SlFunnelChart   *self);
/* @volume (finite, ≥ 0) sizes the bar; @volume_text is shown. */
void       sl_funnel_chart_set_stage         (SlFunnelChart   *self,
                                              guint            stage,
                                              const char      *name,
                                              double           volume,
                                              const char      *volume_text);
/* A second line under the stage, e.g. "Value $120,000 · cost $40,000";
 * NULL removes it. */
void       sl_funnel_chart_set_stage_detail  (SlFunnelChart   *self,
                                              guint            stage,
                                              const char      *detail);
/* The step from @stage to the next: the share that moves on, e.g.
 * "40.0 %", and the median time it takes, e.g. "12 days" (NULL: not
 * shown). */
void       sl_funnel_chart_set_step          (SlFunnelChart   *self,
                                              guint            stage,
                                              const char      *conversion_text,
                                              const char      *days_text);
/* The step's conversion is undefined: "—", and @reason (e.g. "no
 * leads") in its tooltip. */
void       sl_funnel_chart_set_step_undefined (SlFunnelChart  *self,
                                               guint           stage,
                                               const char     *reason,
                                               const char     *days_text);
/* Marks the step as leaking, with the comparison to show, e.g. "41 % vs
 * baseline 52 %"; NULL: not leaking. */
void       sl_funnel_chart_set_step_leak     (SlFunnelChart   *self,
                                              guint            stage,
                                              const char      *leak_text);

/* For tests, as of the last allocation: where a stage's bar and a
 * step's text are drawn, the step's fill (the warning colour when it
 * leaks), what a step reads and the tooltips. */
gboolean   sl_funnel_chart_get_stage_area    (SlFunnelChart   *self,
                                              guint            stage,
                                              graphene_rect_t *out);
gboolean   sl_funnel_chart_get_step_area     (SlFunnelChart   *self,
                                              guint            stage,
                                              graphene_rect_t *out);
gboolean   sl_funnel_chart_get_step_leaking  (SlFunnelChart   *self,
                                              guint            stage);
void       sl_funnel_chart_get_step_color    (SlFunnelChart   *self,
                                              guint            stage,
                                              GdkRGBA         *out);
char      *sl_funnel_chart_dup_step_text     (SlFunnelChart   *self,
                                              guint            stage);
char      *sl_funnel_chart_dup_stage_tooltip (SlFunnelChart   *self,
                                              guint            stage);
char      *sl_funnel_chart_dup_step_tooltip  (SlFunnelChart   *self,
                                              guint            stage);
char      *sl_funnel_chart_dup_description   (SlFunnelChart   *self);

G_END_DECLS
