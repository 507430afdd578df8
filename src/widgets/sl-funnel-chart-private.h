/* sl-funnel-chart-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-funnel-chart.h"

G_BEGIN_DECLS

/* Shared by sl-funnel-chart.c (data, input, texts for people) and
 * sl-funnel-chart-draw.c (layout and painting). */

typedef enum
{
  STEP_NONE,        /* nothing said about it */
  STEP_DEFINED,
  STEP_UNDEFINED,
} StepState;

typedef struct
{
  char            *name;
  double           volume;
  char            *volume_text;
  char            *detail;        /* or NULL */

  /* The step to the next stage. */
  StepState        step;
  char            *conversion;    /* defined: the text; undefined: the reason */
  char            *days;          /* or NULL */
  char            *leak;          /* or NULL: not leaking */

  /* Laid out at allocation. */
  PangoLayout     *title_layout;
  PangoLayout     *detail_layout; /* or NULL */
  PangoLayout     *step_layout;   /* or NULL */
  PangoLayout     *leak_layout;   /* or NULL */
  graphene_rect_t  bar;
  graphene_rect_t  step_area;     /* across the widget, below the bar */
} Stage;

struct _SlFunnelChart
{
  GtkWidget  parent_instance;

  GArray    *stages;              /* Stage */
  char      *title;
  int        focus;               /* 2 × stage, or 2 × stage + 1 for its step */
  gboolean   laid_out;
};

Stage *sl_funnel_chart_stage             (SlFunnelChart *self,
                                          guint          i);
void   sl_funnel_chart_stage_clear_layout (Stage        *stage);
int    sl_funnel_chart_measure_height    (SlFunnelChart *self);
int    sl_funnel_chart_measure_width     (SlFunnelChart *self);
void   sl_funnel_chart_layout            (SlFunnelChart *self,
                                          int            width);
void   sl_funnel_chart_step_color        (SlFunnelChart *self,
                                          const Stage   *stage,
                                          GdkRGBA       *out);
void   sl_funnel_chart_snapshot          (GtkWidget     *widget,
                                          GtkSnapshot   *snapshot);

G_END_DECLS
